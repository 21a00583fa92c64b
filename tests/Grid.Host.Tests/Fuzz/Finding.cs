namespace Grid.Host.Tests.Fuzz;

/// <summary>One server misbehaviour the fuzz saw, with what it takes to reproduce it.</summary>
internal sealed record Finding(string Rpc, string Reason, string Status, string Reference, byte[] Message, string Decoded)
{
    public override string ToString()
        => $"  [{Rpc}] {Reason}\n    status: {Status}\n    input: {Reference}\n    decoded: {Decoded}\n    hex:\n{HexDump.Of(Message)}";
}

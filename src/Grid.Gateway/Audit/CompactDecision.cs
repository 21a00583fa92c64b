using System.Buffers.Binary;
using System.Text;
using Google.Protobuf;
using Grid.Abstractions.Engine;
using Grid.Risk.Accounts;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>
/// A decision on an engine command as bytes: the command's audited fields (those <see cref="AuditText.Inputs"/>
/// renders) then the decision in its protobuf encoding. The memory trail keeps these bytes instead of the
/// command and the reply themselves, so a recorded decision keeps no object alive (docs/performance.md,
/// "Costs of the options" (c)); decoding gives back a command and a decision that render the same JSON.
/// </summary>
internal static class CompactDecision
{
    // correlation id, kind, side, reduce-only, qty and price as decimal bits.
    private const int FixedBytes = 8 + 1 + 4 + 1 + 16 + 16;

    /// <summary>True when <paramref name="inputs"/> and <paramref name="outcome"/> are a command (not funding) and its decision.</summary>
    public static bool Applies(object? inputs, IMessage? outcome)
        => inputs is EngineCommand { Kind: not CommandKind.Funding } && outcome is Wire.OrderDecision;

    /// <summary>Writes the pair into <paramref name="output"/>: the bytes written, or −1 when they do not fit.</summary>
    public static int TryEncode(EngineCommand command, Wire.OrderDecision decision, Span<byte> output)
    {
        var size = decision.CalculateSize();
        if (output.Length < FixedBytes + size)
        {
            return -1;
        }

        BinaryPrimitives.WriteUInt64LittleEndian(output, command.CorrelationId);
        output[8] = (byte)command.Kind;
        BinaryPrimitives.WriteInt32LittleEndian(output[9..], (int)command.Side);
        output[13] = command.ReduceOnly ? (byte)1 : (byte)0;
        WriteDecimal(output[14..], command.Qty);
        WriteDecimal(output[30..], command.Price);
        var at = FixedBytes;
        if (!TryWrite(output, ref at, command.ClientOrderId) || !TryWrite(output, ref at, command.InstrumentId) || !TryWrite(output, ref at, command.Venue)
            || output.Length - at < size)
        {
            return -1;
        }

        decision.WriteTo(output.Slice(at, size));
        return at + size;
    }

    /// <summary>The command and decision <see cref="TryEncode"/> wrote into <paramref name="input"/>.</summary>
    public static (EngineCommand Command, Wire.OrderDecision Decision) Decode(ReadOnlySpan<byte> input)
    {
        var at = FixedBytes;
        var command = new EngineCommand
        {
            CorrelationId = BinaryPrimitives.ReadUInt64LittleEndian(input),
            Kind = (CommandKind)input[8],
            Side = (Side)BinaryPrimitives.ReadInt32LittleEndian(input[9..]),
            ReduceOnly = input[13] != 0,
            Qty = ReadDecimal(input[14..]),
            Price = ReadDecimal(input[30..]),
            ClientOrderId = Read(input, ref at),
            InstrumentId = Read(input, ref at),
            Venue = Read(input, ref at),
        };
        return (command, Wire.OrderDecision.Parser.ParseFrom(input[at..]));
    }

    private static void WriteDecimal(Span<byte> output, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(output[(4 * i)..], bits[i]);
        }
    }

    private static decimal ReadDecimal(ReadOnlySpan<byte> input)
    {
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            bits[i] = BinaryPrimitives.ReadInt32LittleEndian(input[(4 * i)..]);
        }

        return new decimal(bits);
    }

    // A string as its UTF-8 length (2 bytes) and bytes.
    private static bool TryWrite(Span<byte> output, ref int at, string text)
    {
        if (output.Length - at < 2 || !Encoding.UTF8.TryGetBytes(text, output[(at + 2)..], out var written) || written > ushort.MaxValue)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(output[at..], (ushort)written);
        at += 2 + written;
        return true;
    }

    private static string Read(ReadOnlySpan<byte> input, ref int at)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(input[at..]);
        var text = Encoding.UTF8.GetString(input.Slice(at + 2, length));
        at += 2 + length;
        return text;
    }
}

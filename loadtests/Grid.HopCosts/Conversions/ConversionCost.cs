using System.Globalization;
using Google.Protobuf;
using Grid.Abstractions.Engine;
using Grid.Gateway.Conversion;
using Grid.Gateway.PreTrade;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Wire = Grid.Api.V1;

namespace Grid.HopCosts.Conversions;

/// <summary>One thread, steady state: the per-message conversions of the stream, each alone (ns and bytes per call).</summary>
internal static class ConversionCost
{
    public static void Run(TextWriter output, int ops)
    {
        var message = new Wire.EngineMessage
        {
            CorrelationId = 42,
            Check = new Wire.CheckOrder { AccountId = "load-0042", ClientOrderId = "load-0042-00001234", InstrumentId = "BTC-PERP", Side = Wire.Side.Buy, Qty = new Wire.Decimal { Units = 0, Nanos = 50_000_000 }, Price = new Wire.Decimal { Units = 59_950, Nanos = 500_000_000 } },
        };
        var bytes = message.ToByteArray();
        var clock = TimeProvider.System;
        var command = EngineMessages.Read(message, clock, "grid-dev-engine").Command!.Value;
        var reply = new EngineReply
        {
            CorrelationId = 42, Kind = ReplyKind.Decision, Command = CommandKind.Check, ClientOrderId = command.ClientOrderId, Decision = Decision.Accept,
            ImBefore = 61_234.57m, ImAfter = 61_534.12m, AvailableAfter = 9_938_465.88m, Equity = 10_000_000.01m, MmAfter = 30_767.06m, State = AccountState.Ok,
        };
        var wire = GridReplies.From("load-0042", command, reply);
        var buffer = new byte[256];
        var money = 9_938_465.88m;
        var wireMoney = WireDecimal.From(money);

        output.WriteLine("| step (one message) | ns/call | B/call |");
        output.WriteLine("|---|---:|---:|");
        Row(output, "protobuf parse of a check EngineMessage (66 B)", Cost.Thread(ops, () => Wire.EngineMessage.Parser.ParseFrom(bytes)));
        Row(output, "EngineMessages.Read: validate + EngineCommand", Cost.Thread(ops, () => EngineMessages.Read(message, clock, "grid-dev-engine")));
        Row(output, "  of which WireDecimal.ToDecimal (one field)", Cost.Thread(ops, () => WireDecimal.ToDecimal(wireMoney, "qty")));
        Row(output, "GridReplies.From: accepted decision, 6 figures", Cost.Thread(ops, () => GridReplies.From("load-0042", command, reply)));
        Row(output, "  of which WireDecimal.From (one figure)", Cost.Thread(ops, () => WireDecimal.From(money)));
        Row(output, "  candidate: integer-mantissa decimal -> Decimal (one figure)", Cost.Thread(ops, () => FastWireDecimal.From(money)));
        Row(output, "protobuf CalculateSize + WriteTo of the decision reply", Cost.Thread(ops, () =>
        {
            var size = wire.CalculateSize();
            wire.WriteTo(buffer.AsSpan(0, size));
        }));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(reply on the wire: {wire.CalculateSize()} B; check message: {bytes.Length} B)"));
    }

    private static void Row(TextWriter output, string name, (double Ns, double Bytes) r)
        => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {r.Ns:0} | {r.Bytes:0} |"));
}

using System.Buffers;
using System.Text;
using Google.Protobuf;
using Grid.Abstractions.Engine;
using Grid.Gateway.Audit;
using Grid.Risk.Accounts;
using Xunit;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Audit;

/// <summary>
/// The Redis trail writes an entry's JSON straight into its buffer (<see cref="AuditJsonWriter"/>): byte for
/// byte what the wire record's strings hold (<see cref="AuditText"/>), which the trail's readers parse back.
/// </summary>
public sealed class AuditJsonWriterTests
{
    // Ids as engines may send them: quotes, escapes, HTML-sensitive characters, accents, a surrogate pair, control characters.
    private static readonly string[] Ids = ["o-1", "", "qu\"ote\\d", "<b>&'x'</b>", "é€ü", "emoji 😀 end", "tab\tnl\ncr\r\u0001", "\u2028sep", new string('x', 300) + "😀"];

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, Ids.Length)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void EngineCommands_AreWrittenAsAuditTextWritesThem(int i)
    {
        var id = Ids[i];
        var command = new EngineCommand
        {
            Kind = CommandKind.Check, CorrelationId = ulong.MaxValue - (ulong)i, ClientOrderId = id, InstrumentId = "BTC-PERP", Side = i % 2 == 0 ? Side.Buy : Side.Sell,
            Qty = new decimal(i * 1234567, 0, 0, false, (byte)(i % 5)), Price = -60_000.50m, ReduceOnly = i % 3 == 0, Venue = id,
        };
        var funding = new EngineCommand { Kind = CommandKind.Funding, CorrelationId = (ulong)i, FundingId = id, InstrumentId = "ETH-PERP", Accrue = -0.000123m * i, Settle = i % 2 == 1 };

        Assert.Equal(Utf8(AuditText.Inputs(command)), Inputs(command));
        Assert.Equal(Utf8(AuditText.Inputs(funding)), Inputs(funding));
        Assert.Equal(Utf8(AuditText.Inputs(id)), Inputs(id));
    }

    [Fact]
    public void ALoneSurrogate_InACommand_IsEscapedAsAuditTextEscapesIt()
    {
        // Not from the wire (protobuf strings are UTF-8), but an engine command may be made in process.
        var command = new EngineCommand { Kind = CommandKind.Check, ClientOrderId = "lone \ud800 surrogate", Venue = "\udc00" };
        Assert.Equal(Utf8(AuditText.Inputs(command)), Inputs(command));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Messages_AreWrittenInTheirJsonMapping(int i)
    {
        var id = Ids[i];
        var decision = new Wire.OrderDecision
        {
            AccountId = id, ClientOrderId = id, Decision = Wire.Decision.Reject, RejectReason = Wire.RejectReason.InsufficientMargin,
            Shortfall = new Wire.Decimal { Units = 12, Nanos = 500_000_000 }, InitialMarginBefore = new Wire.Decimal { Units = -1, Nanos = -1 }, Replayed = i % 2 == 0,
            AccountState = Wire.AccountState.Liquidate,
        };
        var check = new Wire.CheckOrder { AccountId = id, ClientOrderId = id };

        Assert.Equal(Utf8(Format(decision)), Outcome(decision));
        Assert.Equal(Utf8(AuditText.Inputs(check)), Inputs(check));
        Assert.Equal(Utf8(Format(new Wire.OrderDecision())), Outcome(new Wire.OrderDecision()));
    }

    [Fact]
    public void NoInputsAndNoOutcome_AreEmpty()
    {
        Assert.Empty(Inputs(null));
        Assert.Empty(Outcome(null));
    }

    [Fact]
    public void OneWriter_WritesManyEntriesIntoOneBuffer()
    {
        // Reused state (the JSON writer, the text builder, the UTF-8 encoder) leaks nothing from one entry into the next.
        var writer = new AuditJsonWriter();
        var buffer = new ArrayBufferWriter<byte>(16);
        var expected = new StringBuilder();
        foreach (var id in Ids.Concat(Ids))
        {
            var decision = new Wire.OrderDecision { ClientOrderId = id, Decision = Wire.Decision.Accept };
            var command = new EngineCommand { Kind = CommandKind.Check, ClientOrderId = id, InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = 1, Price = 2 };
            writer.WriteInputs(command, buffer);
            writer.WriteOutcome(decision, buffer);
            expected.Append(AuditText.Inputs(command)).Append(Format(decision));
        }

        Assert.Equal(Utf8(expected.ToString()), buffer.WrittenSpan.ToArray());
    }

    private static string Format(IMessage message) => new JsonFormatter(JsonFormatter.Settings.Default).Format(message);

    // As the Redis client sends a string value.
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Inputs(object? inputs)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new AuditJsonWriter().WriteInputs(inputs, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Outcome(IMessage? outcome)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new AuditJsonWriter().WriteOutcome(outcome, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}

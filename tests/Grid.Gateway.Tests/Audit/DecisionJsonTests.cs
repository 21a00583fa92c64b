using System.Buffers;
using System.Text;
using Google.Protobuf;
using Grid.Abstractions.Engine;
using Grid.Gateway.Audit;
using Xunit;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Audit;

/// <summary>
/// The trail writes every decision's JSON by hand (<see cref="DecisionJson"/>): it must be protobuf's JSON
/// mapping byte for byte (the records the trail stored before read back the same), and a string the
/// formatter refuses (a lone surrogate) must not stop the trail's writer.
/// </summary>
public sealed class DecisionJsonTests
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    [Fact]
    public void EveryUtf16CodeUnit_IsWrittenAsTheFormatterWritesIt()
    {
        var all = new StringBuilder();
        for (var c = 0; c < 0x10000; c++)
        {
            if (!char.IsSurrogate((char)c))
            {
                all.Append((char)c);
            }
        }

        // And surrogate pairs (the formatter escapes both halves), at the start, in the middle and at the end.
        all.Insert(0, "😀").Insert(500, "\ud83d\udc4d").Append("𝄞");
        var decision = new Wire.OrderDecision { AccountId = all.ToString(), ClientOrderId = "x" + all };
        Assert.Equal(Utf8(Formatter.Format(decision)), Written(decision));
    }

    [Fact]
    public void RandomDecisions_AreWrittenAsTheFormatterWritesThem()
    {
        var random = new Random(15);
        string[] ids = ["", "o-1", "qu\"o\\te", "<b>&'", "é€😀", "tab\tnl\n\u0001\u2028\ufeff"];
        for (var i = 0; i < 2_000; i++)
        {
            var decision = new Wire.OrderDecision
            {
                AccountId = ids[random.Next(ids.Length)],
                ClientOrderId = ids[random.Next(ids.Length)],
                Decision = (Wire.Decision)random.Next(5),
                RejectReason = (Wire.RejectReason)random.Next(60),
                Shortfall = Decimal(random),
                InitialMarginBefore = Decimal(random),
                InitialMarginAfter = Decimal(random),
                AvailableAfter = Decimal(random),
                Equity = Decimal(random),
                MaintenanceAfter = Decimal(random),
                Replayed = random.Next(2) == 1,
                AccountState = (Wire.AccountState)random.Next(8),
            };
            Assert.Equal(Utf8(Formatter.Format(decision)), Written(decision));
            Assert.Equal(Formatter.Format(decision), AuditText.Outcome(decision));
        }

        Assert.Equal(Utf8(Formatter.Format(new Wire.OrderDecision())), Written(new Wire.OrderDecision()));
    }

    [Fact]
    public void ALoneSurrogate_IsEscaped_NotAnException()
    {
        var decision = new Wire.OrderDecision { AccountId = "a", ClientOrderId = "lone \ud800 high, lone \udc00 low, reversed \udc00\ud800" };
        Assert.Throws<ArgumentException>(() => Formatter.Format(decision));

        var json = Encoding.UTF8.GetString(Written(decision));
        Assert.Equal("""{ "accountId": "a", "clientOrderId": "lone \ud800 high, lone \udc00 low, reversed \udc00\ud800" }""", json);
        Assert.Equal(json, AuditText.Outcome(decision));
    }

    [Fact]
    public void AnotherMessageTheFormatterRefuses_IsRecordedAsANote()
    {
        // Inputs and outcomes other than decisions still go through the formatter: its refusal must not escape.
        var request = new Wire.FreezeAccountRequest { AccountId = "acc-1", Reason = "bad \udc00" };
        var entry = new AuditEntry { At = DateTimeOffset.UnixEpoch, Caller = "ops", Action = "/grid.v1.Admin/FreezeAccount", Kind = Wire.AuditKind.Admin, Inputs = request, Outcome = request };

        var record = AuditText.ToRecord("1", entry, "silo");
        Assert.Equal(AuditText.Unrepresentable(request), record.InputsJson);
        Assert.Equal(AuditText.Unrepresentable(request), record.OutcomeJson);
        Assert.Contains("grid.v1.FreezeAccountRequest", record.InputsJson, StringComparison.Ordinal);

        var writer = new AuditJsonWriter();
        var buffer = new ArrayBufferWriter<byte>();
        writer.WriteInputs(request, buffer);
        writer.WriteOutcome(request, buffer);
        writer.WriteInputs(new EngineCommand { Kind = CommandKind.Check, ClientOrderId = "ok" }, buffer);
        Assert.Equal(Utf8(record.InputsJson + record.OutcomeJson + AuditText.Inputs(new EngineCommand { Kind = CommandKind.Check, ClientOrderId = "ok" })), buffer.WrittenSpan.ToArray());
    }

    private static Wire.Decimal? Decimal(Random random) => random.Next(4) switch
    {
        0 => null,
        1 => new Wire.Decimal(),
        2 => new Wire.Decimal { Units = random.NextInt64(long.MinValue, long.MaxValue) },
        _ => new Wire.Decimal { Units = random.Next(-1_000_000, 1_000_000), Nanos = random.Next(-999_999_999, 1_000_000_000) },
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Written(Wire.OrderDecision decision)
    {
        var buffer = new ArrayBufferWriter<byte>();
        DecisionJson.Write(decision, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}

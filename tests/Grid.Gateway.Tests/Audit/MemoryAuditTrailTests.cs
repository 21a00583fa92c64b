using Grid.Abstractions.Engine;
using Grid.Gateway.Audit;
using Grid.Risk.Accounts;
using Microsoft.Extensions.Options;
using Xunit;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Audit;

public sealed class MemoryAuditTrailTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static MemoryAuditTrail Trail(int capacity = 100) => new(Options.Create(new AuditOptions { Capacity = capacity, Silo = "s1" }));

    private static AuditEntry Decision(int i, string account, Wire.RejectReason reason = Wire.RejectReason.Unspecified) => new()
    {
        At = T0.AddSeconds(i),
        Caller = "eng",
        Action = "/grid.v1.PreTrade/Stream",
        Kind = Wire.AuditKind.Decision,
        AccountId = account,
        Inputs = new Wire.CheckOrder { AccountId = account, ClientOrderId = $"o{i}" },
        Outcome = new Wire.OrderDecision
        {
            AccountId = account, ClientOrderId = $"o{i}",
            Decision = reason == Wire.RejectReason.Unspecified ? Wire.Decision.Accept : Wire.Decision.Reject, RejectReason = reason,
        },
    };

    private static AuditQuery Query(string account = "", int page = 10, string after = "", Wire.AuditKind kind = Wire.AuditKind.Unspecified, DateTimeOffset? since = null)
        => new(account, "", kind, "", since, page, after);

    [Fact]
    public async Task Records_ComeBackInOrder_WithTheirDecisionAndJsonInputs()
    {
        var trail = Trail();
        trail.Record(Decision(1, "a"));
        trail.Record(Decision(2, "b", Wire.RejectReason.InsufficientMargin));

        var page = await trail.Query(Query(), CancellationToken.None);

        Assert.Equal(["o1", "o2"], page.Records.Select(r => r.ClientOrderId));
        Assert.Equal(["1", "2"], page.Records.Select(r => r.Id));
        Assert.Equal(Wire.RejectReason.InsufficientMargin, page.Records[1].RejectReason);
        Assert.Equal(Wire.Decision.Reject, page.Records[1].Decision);
        Assert.Contains("\"clientOrderId\": \"o2\"", page.Records[1].InputsJson);
        Assert.Equal("s1", page.Records[0].Silo);
        Assert.Equal("OK", page.Records[0].Status);
        Assert.True(page.End);
        Assert.Equal("2", page.NextPageToken);
    }

    [Fact]
    public async Task Filters_AndPages_WalkTheWholeTrail()
    {
        var trail = Trail();
        for (var i = 1; i <= 25; i++)
        {
            trail.Record(Decision(i, i % 2 == 0 ? "even" : "odd"));
        }

        var seen = new List<string>();
        var after = "";
        Wire.QueryAuditResponse page;
        do
        {
            page = await trail.Query(Query("even", page: 4, after: after), CancellationToken.None);
            seen.AddRange(page.Records.Select(r => r.ClientOrderId));
            after = page.NextPageToken;
        }
        while (!page.End);

        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"o{2 * i}"), seen);
        Assert.Empty((await trail.Query(Query(since: T0.AddSeconds(26)), CancellationToken.None)).Records);
        Assert.Equal(5, (await trail.Query(Query(since: T0.AddSeconds(21)), CancellationToken.None)).Records.Count);
        Assert.Empty((await trail.Query(Query(kind: Wire.AuditKind.Admin), CancellationToken.None)).Records);
    }

    [Fact]
    public async Task FullRing_KeepsTheNewest_AndCountsWhatItOverwrote()
    {
        var trail = Trail(capacity: 5);
        for (var i = 1; i <= 8; i++)
        {
            trail.Record(Decision(i, "a"));
        }

        var page = await trail.Query(Query(page: 100), CancellationToken.None);

        Assert.Equal(["o4", "o5", "o6", "o7", "o8"], page.Records.Select(r => r.ClientOrderId));
        Assert.Equal(3UL, page.Dropped);
        var resumed = await trail.Query(Query(after: "1"), CancellationToken.None);
        Assert.Equal("o4", resumed.Records[0].ClientOrderId);
    }

    [Fact]
    public async Task ConcurrentRecording_LosesNothing()
    {
        var trail = Trail(capacity: 100_000);
        await Parallel.ForAsync(0, 8, async (t, _) =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                trail.Record(Decision(i, $"t{t}"));
            }

            await Task.Yield();
        });

        var total = 0;
        var after = "";
        Wire.QueryAuditResponse page;
        do
        {
            page = await trail.Query(Query(page: 1_000, after: after), CancellationToken.None);
            total += page.Records.Count;
            after = page.NextPageToken;
        }
        while (!page.End);

        Assert.Equal(40_000, total);
        Assert.Equal(0UL, page.Dropped);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(400)]
    public async Task EngineDecision_KeptCompact_ComesBackAsTheSameRecord(int idLength)
    {
        // A decision on an engine command is stored as bytes (inline, or spilled when its ids are long):
        // every served field must equal what the command and reply themselves render.
        var id = "ord-é" + new string('1', idLength);
        var command = new EngineCommand
        {
            CorrelationId = 77, Kind = CommandKind.Check, ClientOrderId = id, InstrumentId = "BTC-PERP", Side = Side.Sell,
            Qty = 1.2500m, Price = 64000.10m, ReduceOnly = true, Venue = "eng",
        };
        var decision = new Wire.OrderDecision
        {
            AccountId = "acct-7", ClientOrderId = id, Decision = Wire.Decision.Reject, RejectReason = Wire.RejectReason.InsufficientMargin,
            InitialMarginAfter = new Wire.Decimal { Units = 12, Nanos = 500_000_000 },
            AccountState = Wire.AccountState.Ok,
        };
        var entry = new AuditEntry
        {
            At = T0, Caller = "eng", Action = "/grid.v1.PreTrade/Stream", Kind = Wire.AuditKind.Decision, AccountId = "acct-7", Inputs = command, Outcome = decision,
        };
        var trail = Trail();
        trail.Record(entry);

        var page = await trail.Query(Query(), CancellationToken.None);

        Assert.Equal(AuditText.ToRecord("1", entry, "s1"), Assert.Single(page.Records));
    }

    [Fact]
    public async Task OtherEntries_KeepTheirRequestAndAnswer()
    {
        var funding = new AuditEntry
        {
            At = T0, Caller = "eng", Action = "/grid.v1.PreTrade/Stream", Kind = Wire.AuditKind.Admin, AccountId = "a",
            Inputs = new EngineCommand { Kind = CommandKind.Funding, FundingId = "f1", InstrumentId = "BTC-PERP", Accrue = 1.5m },
            Outcome = new Wire.Ack { Kind = Wire.AckKind.Funding, AccountId = "a" },
        };
        var trail = Trail();
        trail.Record(funding);
        trail.Record(Decision(2, "b"));

        var page = await trail.Query(Query(), CancellationToken.None);

        Assert.Equal(AuditText.ToRecord("1", funding, "s1"), page.Records[0]);
        Assert.Equal(AuditText.ToRecord("2", Decision(2, "b"), "s1"), page.Records[1]);
    }

    [Fact]
    public async Task Record_KeepsACopyOfAnOutcomeItCannotCompact_SoTheCallerMayReuseIt()
    {
        var trail = Trail();
        var entry = Decision(1, "a", Wire.RejectReason.InsufficientMargin);
        var decision = (Wire.OrderDecision)entry.Outcome!;

        Assert.True(trail.CopiesOnRecord);
        trail.Record(entry);
        decision.ClientOrderId = "reused";
        decision.RejectReason = Wire.RejectReason.Unspecified;

        var record = Assert.Single((await trail.Query(Query(), CancellationToken.None)).Records);
        Assert.Equal("o1", record.ClientOrderId);
        Assert.Equal(Wire.RejectReason.InsufficientMargin, record.RejectReason);
    }

    [Fact]
    public async Task RecordDecision_StoresWhatRecordingTheEntryWould()
    {
        var trail = Trail();
        var command = new EngineCommand { CorrelationId = 7, Kind = CommandKind.Check, ClientOrderId = "o7", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = 2, Price = 60_000, Venue = "eng" };
        var decision = new Wire.OrderDecision { AccountId = "a", ClientOrderId = "o7", Decision = Wire.Decision.Accept, Equity = new Wire.Decimal { Units = 5 } };

        trail.Record(new AuditEntry { At = T0, Caller = "eng", Action = "/grid.v1.PreTrade/Stream", Kind = Wire.AuditKind.Decision, AccountId = "a", Inputs = command, Outcome = decision });
        ((IAuditTrail)trail).RecordDecision(T0, "eng", "/grid.v1.PreTrade/Stream", "a", command, decision);

        var records = (await trail.Query(Query(), CancellationToken.None)).Records;
        Assert.Equal(2, records.Count);
        records[1].Id = records[0].Id;
        Assert.Equal(records[0], records[1]);
    }
}

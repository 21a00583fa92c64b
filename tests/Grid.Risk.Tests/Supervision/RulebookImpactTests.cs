using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Monitoring;
using Grid.Risk.Rulebooks;
using Grid.Risk.Supervision;
using Grid.Risk.Tests.Stress;

namespace Grid.Risk.Tests.Supervision;

/// <summary>Rulebook impact and the anti-procyclicality guard (§5.5).</summary>
public sealed class RulebookImpactTests
{
    private static readonly ApcRules Guard = new() { MaxHouseIncrease = 0.25, MaxRangeCut = 0.10 };

    [Fact]
    public void Impact_EveryAccountUnderBothRulebooks_MonitorEqualsBooks()
    {
        var current = StressHouse.Model();
        var candidate = HouseImpact.CandidateModel(current, Wider(Rulebook.Default, "BTC", 0.24) with { Version = "wider" });
        var accounts = StressHouse.Accounts(current, 250, 8);
        var monitor = new MarginMonitor(partitions: 4);
        foreach (var (id, book) in accounts)
        {
            monitor.Upsert(MonitoredAccount.From(id, 1, book));
        }

        var fromBooks = HouseImpact.Of(candidate, accounts, current.Rulebook.Version, top: 5).Result();
        var fromMonitor = monitor.Impact(current, candidate, top: 5);
        var r = fromMonitor.Result();
        Assert.Equal(fromBooks with { Transitions = [], LargestIncreases = [] }, r with { Transitions = [], LargestIncreases = [] });
        Assert.Equal(fromBooks.Transitions, r.Transitions);
        Assert.Equal(fromBooks.LargestIncreases, r.LargestIncreases);

        var after = accounts.Select(a => (a.Id, Book: Rebuilt(a.Book, candidate))).ToList();
        Assert.Equal(after.Sum(a => a.Book.Figures().Im), r.ImAfter, 1e-6);
        Assert.Equal(accounts.Sum(a => a.Book.Figures().ImPositions), r.ImPositionsBefore, 1e-6);
        Assert.True(r.ImChange > 0);
        Assert.NotEmpty(r.Transitions);
        Assert.All(r.Transitions, t => Assert.Equal(
            accounts.Zip(after).Count(x => x.First.Book.Figures().State == t.From && x.Second.Book.Figures().State == t.To), t.Count));
        var largest = after.Zip(accounts).Select(x => (x.First.Id, Change: x.First.Book.Figures().Im - x.Second.Book.Figures().Im))
            .OrderByDescending(x => x.Change).ThenBy(x => x.Id, StringComparer.Ordinal).Take(5).Select(x => x.Id);
        Assert.Equal(largest, r.LargestIncreases.Select(a => a.AccountId));
        Assert.Equal(("2026-11-25.1", "wider", 250L, 0L), (r.CurrentVersion, r.CandidateVersion, r.Accounts, r.Skipped));

        var restored = HouseImpact.Restore(fromMonitor.CurrentVersion, fromMonitor.CandidateVersion, fromMonitor.Capacity, fromMonitor.Accounts, fromMonitor.Skipped,
            fromMonitor.Sums, fromMonitor.Transitions.All(), fromMonitor.LargestIncreases.ToArray());
        Assert.Equal(r with { Transitions = [], LargestIncreases = [] }, restored.Result() with { Transitions = [], LargestIncreases = [] });
    }

    [Fact]
    public void Impact_AccountsTheCandidateCannotPrice_AreSkipped()
    {
        var current = StressHouse.Model();
        var withoutEth = Rulebook.Default with
        {
            Version = "no-eth",
            Groups = Rulebook.Default.Groups.Where(g => g.Key != "ETH").ToDictionary(),
            Credits = [.. Rulebook.Default.Credits.Where(c => c.GroupA != "ETH" && c.GroupB != "ETH")],
            Assets = Rulebook.Default.Assets.ToDictionary(a => a.Key, a => a.Key == "ETH" ? a.Value with { OffsetGroup = null } : a.Value),
        };
        var skipped = new List<RiskInputException>();
        var candidate = HouseImpact.CandidateModel(current, withoutEth, skipped);
        Assert.Contains(skipped, e => e.Message.Contains("ETH-PERP", StringComparison.Ordinal));
        var accounts = StressHouse.Accounts(current, 60, 2);
        var monitor = new MarginMonitor(partitions: 2);
        foreach (var (id, book) in accounts)
        {
            monitor.Upsert(MonitoredAccount.From(id, 1, book));
        }

        var holders = accounts.Count(a => a.Book.PositionOf("ETH-PERP") != 0);
        var r = monitor.Impact(current, candidate).Result();
        Assert.Equal((60L - holders, (long)holders), (r.Accounts, r.Skipped));
        Assert.Equal(r with { Transitions = [], LargestIncreases = [] }, HouseImpact.Of(candidate, accounts, current.Rulebook.Version).Result() with { Transitions = [], LargestIncreases = [] });
    }

    [Fact]
    public void Guard_RefusesARangeCutBeyondTheLimit_NamingTheField()
    {
        var current = Rulebook.Default with { Apc = Guard };
        var candidate = Wider(Wider(current, "BTC", 0.12), "SPX", 0, down: -0.06);
        var verdict = ApcGuard.Judge(current, candidate, Impact(100, 90));
        Assert.True(verdict.Refused);
        Assert.Equal(["groups.BTC.range", "groups.SPX.down"], verdict.Breaches.Select(b => b.Figure));
        Assert.Equal(0.25, verdict.Breaches[0].Change, 12);
        Assert.Contains("groups.BTC.range would be cut 25% (0.16 → 0.12), above apc.maxRangeCut 10%", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Guard_RefusesAHouseImIncreaseBeyondTheLimit()
    {
        var current = Rulebook.Default with { Apc = Guard };
        var verdict = ApcGuard.Judge(current, Wider(current, "BTC", 0.30), Impact(1_000_000, 1_300_000));
        var breach = Assert.Single(verdict.Breaches);
        Assert.Equal(("house positions-only IM", 0.3), (breach.Figure, Math.Round(breach.Change, 12)));
        Assert.Contains("rise 30% (1,000,000.00 → 1,300,000.00 USD), above apc.maxHouseIncrease 25%", breach.Message, StringComparison.Ordinal);
        Assert.False(ApcGuard.Judge(current, Wider(current, "BTC", 0.15), Impact(1_000_000, 1_250_000)).Refused);
        Assert.True(ApcGuard.Judge(current, current, Impact(0, 1)).Refused);
        Assert.False(ApcGuard.Judge(current, current, Impact(0, 0)).Refused);
    }

    [Fact]
    public void Guard_UsesTheThresholdsInForce_NotTheCandidates()
    {
        var loose = Wider(Rulebook.Default, "BTC", 0.05) with { Apc = ApcRules.None };
        Assert.False(ApcGuard.Judge(Rulebook.Default, loose with { Apc = Guard }, Impact(1, 10)).Refused);
        Assert.True(ApcGuard.Judge(Rulebook.Default with { Apc = Guard }, loose, Impact(1, 1)).Refused);
    }

    [Fact]
    public void Guard_SeesABufferRiseThroughTheHouseIm()
    {
        var current = StressHouse.Model(Rulebook.Default with { Apc = Guard });
        var candidate = HouseImpact.CandidateModel(current, current.Rulebook with { Version = "buffered", Apc = Guard with { Buffer = 0.5 } });
        var accounts = StressHouse.Accounts(current, 80, 3);
        var impact = HouseImpact.Of(candidate, accounts, current.Rulebook.Version).Result();
        var verdict = ApcGuard.Judge(current.Rulebook, candidate.Rulebook, impact);
        Assert.Equal("house positions-only IM", Assert.Single(verdict.Breaches).Figure);
        Assert.InRange(impact.ImPositionsIncrease, 0.3, 0.5);
        var release = ApcGuard.Judge(candidate.Rulebook, current.Rulebook, HouseImpact.Of(current, accounts.Select(a => (a.Id, Rebuilt(a.Book, candidate))), "buffered").Result());
        Assert.False(release.Refused);
    }

    private static HouseImpactResult Impact(double before, double after) => new()
    {
        CurrentVersion = "a", CandidateVersion = "b", Accounts = 1, Skipped = 0, ImBefore = before, ImAfter = after,
        ImPositionsBefore = before, ImPositionsAfter = after, Transitions = [], LargestIncreases = [],
    };

    private static Rulebook Wider(Rulebook rb, string group, double range, double down = 0)
    {
        var groups = rb.Groups.ToDictionary();
        groups[group] = down != 0 ? groups[group] with { Down = down } : groups[group] with { Range = range };
        return rb with { Groups = groups };
    }

    private static AccountBook Rebuilt(AccountBook book, RiskModel model)
    {
        var copy = book.Clone();
        copy.Rebuild(model);
        return copy;
    }
}

using Grid.Risk.Stress;
using Grid.Risk.Supervision;

namespace Grid.Grains.House;

/// <summary>The core's mergeable partials to and from their wire parts, sum for sum (nothing is rounded, so merging parts equals one pass).</summary>
internal static class HouseParts
{
    public static StressPart Stress(string silo, HouseStress stress, HouseDependency dependency, TimeSpan elapsed) => new()
    {
        Silo = silo,
        RulebookVersion = stress.RulebookVersion,
        GuaranteeFund = stress.GuaranteeFund,
        MarketAsOf = stress.MarketAsOf,
        Accounts = stress.Accounts,
        Skipped = stress.Skipped,
        Scenarios = [.. stress.Tallies.Select(t => new ScenarioPart
        {
            Scenario = t.Scenario,
            Capacity = t.Capacity,
            Pnl = SumPart.Of(t.Pnl),
            Deficit = SumPart.Of(t.Deficit),
            InDeficit = t.InDeficit,
            Top = [.. t.Top.ToArray().Select(a => new TopAccountPart(a.AccountId, a.Ae, a.AeStressed))],
        })],
        Dependency = Dependency(dependency),
        Elapsed = elapsed,
    };

    public static DependencyPart Dependency(HouseDependency d)
    {
        var s = d.Sums;
        return new DependencyPart
        {
            Accounts = d.Accounts,
            Skipped = d.Skipped,
            LeavingOk = d.LeavingOk,
            Sums = [SumPart.Of(s.Siloed), SumPart.Of(s.Cross), SumPart.Of(s.Credit), SumPart.Of(s.CreditPositions), SumPart.Of(s.Im), SumPart.Of(s.ImWithoutCredits), SumPart.Of(s.Called)],
            Pairs = [.. d.Pairs.Select(p => new PairPart(p.GroupA, p.GroupB, SumPart.Of(p.Credit), SumPart.Of(p.CreditPositions)))],
            Transitions = [.. d.Transitions.All().Select(t => new TransitionPart(t.From, t.To, t.Count))],
        };
    }

    public static ImpactPart Impact(string silo, HouseImpact impact, DateTimeOffset asOf)
    {
        var s = impact.Sums;
        return new ImpactPart
        {
            Silo = silo,
            CurrentVersion = impact.CurrentVersion,
            CandidateVersion = impact.CandidateVersion,
            Top = impact.Capacity,
            Accounts = impact.Accounts,
            Skipped = impact.Skipped,
            Sums = [SumPart.Of(s.ImBefore), SumPart.Of(s.ImAfter), SumPart.Of(s.ImPositionsBefore), SumPart.Of(s.ImPositionsAfter)],
            Transitions = [.. impact.Transitions.All().Select(t => new TransitionPart(t.From, t.To, t.Count))],
            Largest = [.. impact.LargestIncreases.ToArray().Select(a => new AccountImpactPart(a.AccountId, a.ImBefore, a.ImAfter, a.ImPositionsBefore, a.ImPositionsAfter, a.StateBefore, a.StateAfter))],
            MarketAsOf = asOf,
        };
    }

    public static HouseStress RestoreStress(StressPart p) => HouseStress.Restore(
        p.RulebookVersion, p.GuaranteeFund, p.MarketAsOf, p.MarketAsOf, p.Accounts, p.Skipped,
        [.. p.Scenarios.Select(s => ScenarioTally.Restore(
            s.Scenario, s.Capacity, s.Pnl.Sum, s.Deficit.Sum, s.InDeficit, s.Top.Select(a => new StressedAccount(a.AccountId, a.Ae, a.AeStressed))))]);

    public static HouseDependency RestoreDependency(DependencyPart p)
    {
        var s = p.Sums;
        return HouseDependency.Restore(
            p.Accounts, p.Skipped, p.LeavingOk, (s[0].Sum, s[1].Sum, s[2].Sum, s[3].Sum, s[4].Sum, s[5].Sum, s[6].Sum),
            p.Pairs.Select(x => new PairTally(x.GroupA, x.GroupB, x.Credit.Sum, x.CreditPositions.Sum)),
            p.Transitions.Select(t => new StateTransition(t.From, t.To, t.Count)));
    }

    public static HouseImpact RestoreImpact(ImpactPart p)
    {
        var s = p.Sums;
        return HouseImpact.Restore(
            p.CurrentVersion, p.CandidateVersion, p.Top, p.Accounts, p.Skipped, (s[0].Sum, s[1].Sum, s[2].Sum, s[3].Sum),
            p.Transitions.Select(t => new StateTransition(t.From, t.To, t.Count)),
            p.Largest.Select(a => new AccountImpact(a.AccountId, a.ImBefore, a.ImAfter, a.ImPositionsBefore, a.ImPositionsAfter, a.StateBefore, a.StateAfter)));
    }
}

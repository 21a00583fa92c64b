using Grid.Abstractions.House;

namespace Grid.Console.Views;

/// <summary>The house grain's views as the House risk page reads them (states as codes, infinite ratios as null).</summary>
internal static class HouseRows
{
    public static HouseRunRow Run(HouseRiskView r) => new(
        r.CompletedAt,
        DisplayNames.Code(r.Trigger.ToString()),
        r.RulebookVersion,
        r.MarketAsOf,
        r.MarketAsOfLatest,
        r.GuaranteeFund,
        r.Accounts,
        r.Skipped,
        r.WorstScenario >= 0 ? r.Scenarios[r.WorstScenario].Scenario : null,
        [.. r.Scenarios.Select(s => new HouseScenarioRow(
            s.Scenario, s.TotalPnl, s.TotalDeficit, s.AccountsInDeficit, s.Cover1, s.Cover2, Finite(s.CoverageRatio), s.Covered,
            [.. s.Top.Select(a => new TopAccountRow(a.AccountId, a.Ae, a.AeStressed, a.Pnl, a.Deficit))]))],
        new CreditsRow(
            r.Dependency.SiloedTotal, r.Dependency.CrossTotal, r.Dependency.CreditTotal, r.Dependency.Im, r.Dependency.ImWithoutCredits, r.Dependency.LeavingOk,
            r.Dependency.CalledIm, [.. r.Dependency.Credits.Select(p => new PairRow($"{p.GroupA}/{p.GroupB}", p.Credit, p.CreditPositions))], Transitions(r.Dependency.Transitions)),
        [.. r.Silos.Select(s => new SiloRow(s.Silo, s.Accounts, s.MarketAsOf, s.Elapsed.TotalMilliseconds))]);

    public static ImpactRow Impact(RulebookImpactView i) => new(
        i.ComputedAt, i.CurrentVersion, i.CandidateVersion, i.Accounts, i.Skipped, i.ImBefore, i.ImAfter, Finite(i.ImPositionsIncrease), i.Refused, i.Forced,
        [.. i.Breaches.Select(b => b.Message)], Transitions(i.Transitions),
        [.. i.LargestIncreases.Select(a => new ImpactAccountRow(a.AccountId, a.ImBefore, a.ImAfter, DisplayNames.State(a.StateBefore), DisplayNames.State(a.StateAfter)))]);

    private static TransitionRow[] Transitions(IReadOnlyList<StateTransitionView> transitions)
        => [.. transitions.Select(t => new TransitionRow(DisplayNames.State(t.From), DisplayNames.State(t.To), t.Accounts))];

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

using Grid.Abstractions.Accounts;
using Grid.Abstractions.House;
using Grid.Risk.Stress;
using Grid.Risk.Supervision;

namespace Grid.Grains.House;

/// <summary>The core's house results as the views the gateway and the console read (unrounded; they round at their boundary).</summary>
internal static class HouseViews
{
    public static HouseScenarioView Scenario(HouseScenarioFigures s) => new()
    {
        Scenario = s.Scenario,
        TotalPnl = s.TotalPnl,
        TotalDeficit = s.TotalDeficit,
        AccountsInDeficit = s.AccountsInDeficit,
        Cover1 = s.Cover1,
        Cover2 = s.Cover2,
        CoverageRatio = s.CoverageRatio,
        Top = [.. s.Top.Select(a => new StressedAccountView(a.AccountId, a.Ae, a.AeStressed, a.Pnl, a.Deficit))],
    };

    public static HouseDependencyView Dependency(HouseDependencyResult d) => new()
    {
        Accounts = d.Accounts,
        Skipped = d.Skipped,
        SiloedTotal = d.SiloedTotal,
        CrossTotal = d.CrossTotal,
        CreditTotal = d.CreditTotal,
        CreditTotalPositions = d.CreditTotalPositions,
        Credits = Pairs(d.Credits, d.CreditsPositions),
        Im = d.Im,
        ImWithoutCredits = d.ImWithoutCredits,
        LeavingOk = d.LeavingOk,
        CalledIm = d.CalledIm,
        Transitions = [.. d.Transitions.Select(t => new StateTransitionView(t.From, t.To, t.Count))],
    };

    /// <summary>One account's §5.4 figures (Accounts.CompareRegimes).</summary>
    public static CreditDependencyView Account(CreditDependency d) => new()
    {
        Credits = Pairs(d.Credits, d.CreditsPositions),
        CreditTotal = d.CreditTotal,
        CreditTotalPositions = d.CreditTotalPositions,
        Im = d.Im,
        ImWithoutCredits = d.ImWithoutCredits,
        Mm = d.Mm,
        MmWithoutCredits = d.MmWithoutCredits,
        State = d.State,
        StateWithoutCredits = d.StateWithoutCredits,
        CalledIm = d.CalledIm,
    };

    public static RulebookImpactView Impact(HouseImpactResult i) => new()
    {
        CurrentVersion = i.CurrentVersion,
        CandidateVersion = i.CandidateVersion,
        Accounts = i.Accounts,
        Skipped = i.Skipped,
        ImBefore = i.ImBefore,
        ImAfter = i.ImAfter,
        ImPositionsBefore = i.ImPositionsBefore,
        ImPositionsAfter = i.ImPositionsAfter,
        ImPositionsIncrease = i.ImPositionsIncrease,
        Transitions = [.. i.Transitions.Select(t => new StateTransitionView(t.From, t.To, t.Count))],
        LargestIncreases = [.. i.LargestIncreases.Select(a => new AccountImpactView
        {
            AccountId = a.AccountId, ImBefore = a.ImBefore, ImAfter = a.ImAfter, ImPositionsBefore = a.ImPositionsBefore,
            ImPositionsAfter = a.ImPositionsAfter, StateBefore = a.StateBefore, StateAfter = a.StateAfter,
        })],
    };

    public static ApcBreachView Breach(ApcBreach b) => new(b.Figure, b.Before, b.After, b.Change, b.Limit, b.Message);

    // One entry per pair granted either credit: order-inclusive and positions-only side by side.
    private static PairCreditView[] Pairs(IReadOnlyList<PairCredit> orders, IReadOnlyList<PairCredit> positions)
    {
        var pairs = new SortedDictionary<string, PairCreditView>(StringComparer.Ordinal);
        foreach (var p in orders)
        {
            pairs[p.Pair] = new PairCreditView(p.GroupA, p.GroupB, p.Credit, 0);
        }

        foreach (var p in positions)
        {
            pairs[p.Pair] = pairs.TryGetValue(p.Pair, out var v) ? v with { CreditPositions = p.Credit } : new PairCreditView(p.GroupA, p.GroupB, 0, p.Credit);
        }

        return [.. pairs.Values];
    }
}

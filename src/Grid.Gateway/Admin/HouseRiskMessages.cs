using Grid.Abstractions.Accounts;
using Grid.Abstractions.House;
using Grid.Abstractions.Risk;
using Grid.Gateway.Conversion;
using Grid.Risk.Margin;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Admin;

/// <summary>
/// House figures on the wire (house.proto), rounded at the boundary: losses, deficits, covers and
/// requirements up; equity, P&amp;L, credits and savings down; ratios to nine places, down.
/// </summary>
internal static class HouseRiskMessages
{
    public static Wire.HouseRiskRun ToWire(HouseRiskView run)
    {
        var wire = new Wire.HouseRiskRun
        {
            Trigger = (Wire.HouseRunTrigger)(int)run.Trigger,
            StartedAt = WireTime.From(run.StartedAt),
            CompletedAt = WireTime.From(run.CompletedAt),
            RulebookVersion = run.RulebookVersion,
            MarketAsOf = WireTime.FromOptional(run.MarketAsOf),
            MarketAsOfLatest = WireTime.FromOptional(run.MarketAsOfLatest),
            GuaranteeFund = Down(run.GuaranteeFund),
            Accounts = run.Accounts,
            Skipped = run.Skipped,
            WorstScenario = run.WorstScenario >= 0 ? run.Scenarios[run.WorstScenario].Scenario : "",
            Dependency = Dependency(run.Dependency),
            Duplicates = run.Duplicates,
        };
        wire.Scenarios.Add(run.Scenarios.Select(Scenario));
        wire.Silos.Add(run.Silos.Select(s => new Wire.SiloPart
        {
            Silo = s.Silo, Accounts = s.Accounts, Skipped = s.Skipped, MarketAsOf = WireTime.FromOptional(s.MarketAsOf),
            Elapsed = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(s.Elapsed),
            StressElapsed = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(s.StressElapsed),
        }));
        return wire;
    }

    public static Wire.RulebookImpact ToWire(RulebookImpactView i)
    {
        var wire = new Wire.RulebookImpact
        {
            CurrentVersion = i.CurrentVersion,
            CandidateVersion = i.CandidateVersion,
            Accounts = i.Accounts,
            Skipped = i.Skipped,
            InitialMarginBefore = Up(i.ImBefore),
            InitialMarginAfter = Up(i.ImAfter),
            InitialMarginChange = WireDecimal.From(Money.Requirement(i.ImAfter) - Money.Requirement(i.ImBefore)),
            PositionsImBefore = Up(i.ImPositionsBefore),
            PositionsImAfter = Up(i.ImPositionsAfter),
            PositionsImIncrease = Ratio(i.ImPositionsIncrease),
            Forced = i.Forced,
            ComputedAt = WireTime.From(i.ComputedAt),
            MarketAsOf = WireTime.FromOptional(i.MarketAsOf),
            MarketAsOfLatest = WireTime.FromOptional(i.MarketAsOfLatest),
        };
        wire.Transitions.Add(Transitions(i.Transitions));
        wire.LargestIncreases.Add(i.LargestIncreases.Select(a => new Wire.AccountImpact
        {
            AccountId = a.AccountId,
            InitialMarginBefore = Up(a.ImBefore),
            InitialMarginAfter = Up(a.ImAfter),
            InitialMarginChange = WireDecimal.From(Money.Requirement(a.ImAfter) - Money.Requirement(a.ImBefore)),
            StateBefore = WireEnums.ToWire(a.StateBefore),
            StateAfter = WireEnums.ToWire(a.StateAfter),
        }));
        wire.Breaches.Add(i.Breaches.Select(b => new Wire.ApcBreach
        {
            Figure = b.Figure, Before = WireDecimal.From(b.Before), After = WireDecimal.From(b.After), Change = WireDecimal.From(b.Change),
            Limit = WireDecimal.From(b.Limit), Message = b.Message,
        }));
        return wire;
    }

    /// <summary>One account's §5.4 figures on Accounts.CompareRegimes.</summary>
    public static Wire.CreditDependency ToWire(CreditDependencyView d)
    {
        var wire = new Wire.CreditDependency
        {
            CreditTotal = Down(d.CreditTotal),
            CreditTotalPositions = Down(d.CreditTotalPositions),
            InitialMargin = Up(d.Im),
            InitialMarginWithoutCredits = Up(d.ImWithoutCredits),
            MaintenanceMargin = Up(d.Mm),
            MaintenanceMarginWithoutCredits = Up(d.MmWithoutCredits),
            State = WireEnums.ToWire(d.State),
            StateWithoutCredits = WireEnums.ToWire(d.StateWithoutCredits),
            CalledMargin = Up(d.CalledIm),
        };
        wire.Credits.Add(d.Credits.Select(Pair));
        return wire;
    }

    public static Wire.HouseCoverage ToWire(HouseCoverageData house)
    {
        var wire = new Wire.HouseCoverage
        {
            RulebookVersion = house.RulebookVersion,
            MarketAsOf = WireTime.FromOptional(house.MarketAsOf),
            GuaranteeFund = Down(house.GuaranteeFund),
        };
        wire.Scenarios.Add(house.Scenarios.Select(s => new Wire.ScenarioCoverage
        {
            Scenario = s.Scenario, Cover2 = Up(s.Cover2), CoverageRatio = Ratio(s.CoverageRatio), Covered = s.Covered, WasCovered = s.WasCovered,
        }));
        return wire;
    }

    private static Wire.ScenarioStress Scenario(HouseScenarioView s)
    {
        var wire = new Wire.ScenarioStress
        {
            Scenario = s.Scenario,
            TotalPnl = Down(s.TotalPnl),
            TotalDeficit = Up(s.TotalDeficit),
            AccountsInDeficit = s.AccountsInDeficit,
            Cover1 = Up(s.Cover1),
            Cover2 = Up(s.Cover2),
            CoverageRatio = Ratio(s.CoverageRatio),
            Covered = s.Covered,
        };
        wire.TopAccounts.Add(s.Top.Select(a => new Wire.StressedAccount
        {
            AccountId = a.AccountId, Equity = Down(a.Ae), StressedEquity = Down(a.AeStressed), Pnl = Down(a.Pnl), Deficit = Up(a.Deficit),
        }));
        return wire;
    }

    private static Wire.HouseDependency Dependency(HouseDependencyView d)
    {
        var wire = new Wire.HouseDependency
        {
            Accounts = d.Accounts,
            Skipped = d.Skipped,
            SiloedTotal = Up(d.SiloedTotal),
            CrossTotal = Up(d.CrossTotal),
            Saving = Down(d.SiloedTotal - d.CrossTotal),
            CreditTotal = Down(d.CreditTotal),
            CreditTotalPositions = Down(d.CreditTotalPositions),
            InitialMargin = Up(d.Im),
            InitialMarginWithoutCredits = Up(d.ImWithoutCredits),
            AccountsLeavingOk = d.LeavingOk,
            CalledMargin = Up(d.CalledIm),
        };
        wire.Credits.Add(d.Credits.Select(Pair));
        wire.Transitions.Add(Transitions(d.Transitions));
        return wire;
    }

    private static Wire.PairCredit Pair(PairCreditView p)
        => new() { GroupA = p.GroupA, GroupB = p.GroupB, Credit = Down(p.Credit), CreditPositions = Down(p.CreditPositions) };

    private static IEnumerable<Wire.StateTransitionCount> Transitions(IReadOnlyList<StateTransitionView> transitions)
        => transitions.Select(t => new Wire.StateTransitionCount { From = WireEnums.ToWire(t.From), To = WireEnums.ToWire(t.To), Accounts = t.Accounts });

    private static Wire.Decimal Up(double usd) => WireDecimal.From(Money.Requirement(usd));

    private static Wire.Decimal Down(double usd) => WireDecimal.From(Money.Equity(usd));

    // Nine places, rounded down (a ratio never looks better than it is); unset when unbounded.
    private static Wire.Decimal? Ratio(double value)
        => double.IsFinite(value) && Math.Abs(value) < 9e9 ? WireDecimal.From(Math.Floor((decimal)value * 1_000_000_000m) / 1_000_000_000m) : null;
}

using System.Runtime.CompilerServices;
using Grid.Gateway.Conversion;
using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;
using Grid.Risk.Scenarios;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Margin;

/// <summary>
/// A simulated portfolio's MarginReport on the wire, rounded as every account figure is (requirements up,
/// equity down, Rulebook §4 item 7): BuyingPower, positions-only groups, scenario P&amp;L and credit lines.
/// </summary>
internal static class ReportMessages
{
    private static readonly ConditionalWeakTable<ScenarioGrid, Wire.Scenario[]> ScenarioDescriptions = [];

    public static Wire.BuyingPower BuyingPower(MarginReport r, AccountBook book, DateTimeOffset asOf)
    {
        var model = book.Model;
        var wire = new Wire.BuyingPower
        {
            Regime = WireEnums.ToWire(r.Regime),
            State = WireEnums.ToWire(r.State),
            StatePositionsOnly = WireEnums.ToWire(r.StatePositionsOnly),
            Equity = WireDecimal.From(Money.Equity(r.Ae)),
            CollateralValue = WireDecimal.From(Money.Equity(r.Cv)),
            DerivativeValue = WireDecimal.From(Money.Equity(r.Dv)),
            InitialMargin = WireDecimal.From(Money.Requirement(r.Im)),
            InitialMarginPositions = WireDecimal.From(Money.Requirement(r.ImPositions)),
            MaintenanceMargin = WireDecimal.From(Money.Requirement(r.Mm)),
            OrderCosts = WireDecimal.From(Money.Requirement(r.OrderCosts)),
            Available = WireDecimal.From(Money.Equity(r.Available)),
            Excess = WireDecimal.From(Money.Equity(r.Excess)),
            Health = WireDecimal.From(Money.Equity(r.Health)),
            LiquidationEnd = WireDecimal.From(Money.Requirement(r.LiquidationEnd)),
            CreditTotal = WireDecimal.From(Money.Equity(r.CreditTotal)),
            RulebookVersion = model.Rulebook.Version,
            AsOf = WireTime.From(asOf),
        };
        foreach (var g in Ordered(r.Groups))
        {
            wire.Groups.Add(Group(g, model, r.Regime));
        }

        // The report's collateral holds every asset with a balance.
        foreach (var (asset, value) in r.Collateral.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            wire.Collateral.Add(new Wire.CollateralLine
            {
                Asset = asset,
                Balance = WireDecimal.From(book.Balance(asset)),
                Value = WireDecimal.From(Money.Equity(value)),
            });
        }

        return wire;
    }

    /// <summary>Groups in name order (the wire's order for every list of groups).</summary>
    public static IEnumerable<GroupReport> Ordered(IReadOnlyDictionary<string, GroupReport> groups)
        => groups.Values.OrderBy(g => g.Group, StringComparer.Ordinal);

    public static Wire.GroupRisk Group(GroupReport g, RiskModel model, MarginRegime regime)
    {
        model.TryGetGroup(g.Group, out var index);
        var f = g.Figures;
        var wire = new Wire.GroupRisk
        {
            Group = g.Group,
            Scan = WireDecimal.From(Money.Requirement(f.Scan)),
            WorstScenario = Scenario(model.Groups[index].Grid, f.WorstScenario),
            Basis = WireDecimal.From(Money.Requirement(f.Basis)),
            ShortOptionMinimum = WireDecimal.From(Money.Requirement(f.Som)),
            Concentration = WireDecimal.From(Money.Requirement(f.Concentration)),
            Delta = WireDecimal.From(Cents(f.Delta)),
            GroupIm = WireDecimal.From(Money.Requirement(f.GroupIm)),
            Credit = WireDecimal.From(Money.Equity(g.Credit)),
            Side = WireEnums.ToWire(g.Side),
            OpenLoss = WireDecimal.From(Money.Requirement(g.OpenLoss)),
            FeeReserve = WireDecimal.From(Money.Requirement(g.FeeReserve)),
            SpotOrderCost = WireDecimal.From(Money.Requirement(g.SpotOrderCosts)),
            GroupMm = regime == MarginRegime.Std ? WireDecimal.From(Money.Requirement(f.Maintenance)) : null,
        };
        foreach (var l in g.Lines)
        {
            wire.StdLines.Add(new Wire.StdLine
            {
                Holding = l.Holding,
                Qty = WireDecimal.From(l.Qty),
                InitialMargin = WireDecimal.From(Money.Requirement(l.Im)),
                MaintenanceMargin = WireDecimal.From(Money.Requirement(l.Mm)),
                Rule = l.Rule,
                PairedWith = l.PairedWith ?? "",
            });
        }

        return wire;
    }

    /// <summary>
    /// A group's positions-only P&amp;L per scenario, with each scenario's shock, vol state and weight (the
    /// grid's descriptions are built once per grid and shared by every answer: they are never modified).
    /// </summary>
    public static Wire.SimulatedGroupScenarios Scenarios(GroupReport g, RiskModel model)
    {
        model.TryGetGroup(g.Group, out var index);
        var scenarios = ScenarioDescriptions.GetValue(model.Groups[index].Grid, Describe);
        var wire = new Wire.SimulatedGroupScenarios { Group = g.Group };
        for (var j = 0; j < g.ScenarioPnl.Length && j < scenarios.Length; j++)
        {
            wire.Scenarios.Add(new Wire.SimulatedScenarioPnl { Scenario = scenarios[j], Pnl = CentsOf(g.ScenarioPnl[j]) });
        }

        return wire;
    }

    public static Wire.SimulatedCredit Credit(CreditLine c) => new()
    {
        GroupA = c.GroupA,
        GroupB = c.GroupB,
        MatchedDelta = WireDecimal.From(Cents(c.Spreads)),
        WprA = WireDecimal.From(c.WprA),
        WprB = WireDecimal.From(c.WprB),
        Credit = WireDecimal.From(Money.Equity(c.Credit)),
    };

    public static Wire.Scenario Scenario(ScenarioGrid grid, int j) => j < 0 || j >= grid.Count
        ? new Wire.Scenario()
        : new Wire.Scenario
        {
            Index = (uint)j,
            Shock = WireDecimal.From(grid.Shocks[j]),
            VolState = WireEnums.ToWire(grid.Vols[j]),
            Weight = WireDecimal.From(grid.Weights[j]),
        };

    /// <summary>
    /// A P&amp;L to the cent, computed on whole cents (no decimal arithmetic: a heatmap has dozens per group);
    /// beyond ±1e13 USD, through <see cref="Cents"/>.
    /// </summary>
    public static Wire.Decimal CentsOf(double value)
    {
        if (!(Math.Abs(value) < 1e13))
        {
            return WireDecimal.From(Cents(value));
        }

        var cents = (long)Math.Round(value * 100, MidpointRounding.ToEven);
        return new Wire.Decimal { Units = cents / 100, Nanos = (int)(cents % 100) * 10_000_000 };
    }

    private static Wire.Scenario[] Describe(ScenarioGrid grid)
    {
        var scenarios = new Wire.Scenario[grid.Count];
        for (var j = 0; j < scenarios.Length; j++)
        {
            scenarios[j] = Scenario(grid, j);
        }

        return scenarios;
    }

    /// <summary>A signed USD figure that is neither a requirement nor an equity (delta, P&amp;L) to the cent.</summary>
    public static decimal Cents(double value)
        => double.IsFinite(value) ? Math.Clamp(Math.Round((decimal)Math.Clamp(value, -9e18, 9e18), 2), -Money.Bound, Money.Bound) : 0;
}

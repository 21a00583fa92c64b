using Grid.Abstractions.Accounts;
using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Margin;
using Grid.Risk.Rulebooks;
using Grid.Risk.Regimes;
using Grid.Risk.Scenarios;

namespace Grid.Grains.Accounts;

/// <summary>Maps risk-core reports to the wire views, rounding money at the boundary (requirements up, equity down).</summary>
internal static class AccountProjection
{
    public static BuyingPower BuyingPower(string accountId, AccountRecord record, AccountBook book, DateTimeOffset computedAt)
    {
        var r = book.Evaluate();
        var model = book.Model;
        var groups = new List<GroupRiskLine>(r.Groups.Count);
        foreach (var (name, g) in r.Groups)
        {
            model.TryGetGroup(name, out var gi);
            var grid = model.Groups[gi].Grid;
            var f = g.Figures;
            var pnl = r.GroupsPositions.TryGetValue(name, out var p) ? p.ScenarioPnl : [];
            groups.Add(new GroupRiskLine
            {
                Group = name,
                Scan = Money.Requirement(f.Scan),
                WorstScenario = f.WorstScenario,
                WorstShock = f.WorstScenario < grid.Count ? grid.Shocks[f.WorstScenario] : 0,
                WorstVolState = f.WorstScenario < grid.Count ? VolName(grid.Vols[f.WorstScenario]) : "",
                WorstWeight = f.WorstScenario < grid.Weights.Length ? grid.Weights[f.WorstScenario] : 1,
                Basis = Money.Requirement(f.Basis),
                ShortOptionMinimum = Money.Requirement(f.Som),
                Concentration = Money.Requirement(f.Concentration),
                Delta = Round(f.Delta),
                GroupIm = Money.Requirement(f.GroupIm),
                Credit = Money.Equity(g.Credit),
                Side = g.Side,
                OpenLoss = Money.Requirement(g.OpenLoss),
                FeeReserve = Money.Requirement(g.FeeReserve),
                ScenarioPnl = pnl,
                ScenarioShocks = grid.Shocks,
                ScenarioVols = [.. grid.Vols.Select(VolName)],
                SpotOrderCost = Money.Requirement(g.SpotOrderCosts),
                GroupMm = r.Regime == MarginRegime.Std ? Money.Requirement(f.Maintenance) : null,
                StdLines = [.. g.Lines.Select(l => new StdRequirementLine(
                    l.Holding, RoundQty(l.Qty), Money.Requirement(l.Im), Money.Requirement(l.Mm), l.Rule, l.PairedWith ?? ""))],
            });
        }

        return new BuyingPower
        {
            AccountId = accountId,
            Regime = r.Regime,
            State = r.State,
            StatePositionsOnly = r.StatePositionsOnly,
            Equity = Money.Equity(r.Ae),
            CollateralValue = Money.Equity(r.Cv),
            DerivativeValue = Money.Equity(r.Dv),
            InitialMargin = Money.Requirement(r.Im),
            InitialMarginPositions = Money.Requirement(r.ImPositions),
            MaintenanceMargin = Money.Requirement(r.Mm),
            OrderCosts = Money.Requirement(r.OrderCosts),
            Available = Money.Equity(r.Available),
            Excess = Money.Equity(r.Excess),
            Health = Money.Equity(r.Health),
            LiquidationEnd = Money.Requirement(r.LiquidationEnd),
            CreditTotal = Money.Equity(r.CreditTotal),
            Groups = groups,
            Collateral = [.. record.Balances.Where(b => b.Value != 0).OrderBy(b => b.Key, StringComparer.Ordinal)
                .Select(b => new CollateralLine(b.Key, b.Value, Money.Equity(r.Collateral.TryGetValue(b.Key, out var v) ? v : 0)))],
            RulebookVersion = model.Rulebook.Version,
            AsOf = model.Market.AsOf,
            ComputedAt = computedAt,
            Frozen = record.Frozen,
            Version = record.Version,
        };
    }

    public static PortfolioView Portfolio(string accountId, AccountRecord record, AccountBook? book) => new()
    {
        AccountId = accountId,
        Regime = record.Regime,
        Balances = [.. record.Balances.Where(b => b.Value != 0).OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => new CollateralLine(b.Key, b.Value, book is null ? 0 : Money.Equity(book.CollateralValueOf(b.Key))))],
        Positions = [.. record.Positions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Position(p.Key, p.Value, book))],
        Orders = [.. record.Orders.Select(o => new OrderLine(o.ClientOrderId, o.InstrumentId, o.Side, o.Qty, o.Price, o.ReservedAt, o.ReduceOnly, o.Venue))],
        Frozen = record.Frozen,
        Version = record.Version,
        StateHash = StateHash(record),
        AsOf = book?.Model.Market.AsOf ?? default,
    };

    /// <summary>
    /// One position as accounts.proto's Position: value at mark in USD (notional q·mult·mark for delta-one,
    /// face value for coin-margined delta-one, market value for options), the mark in quote units, and no
    /// entry for options (their premium moved cash; Rulebook §4 item 21). Unpriced: value and mark 0.
    /// </summary>
    public static PositionLine Position(string instrumentId, PositionRecord p, AccountBook? book)
    {
        if (book is null || !book.Model.TryGetInstrument(instrumentId, out var i))
        {
            return new PositionLine(instrumentId, p.Qty, p.Entry, p.Funding, 0);
        }

        var risk = book.Model.Instruments[i];
        var qty = (double)p.Qty;
        var value = risk.Kind switch
        {
            _ when risk.Kind.IsOption() => qty * risk.Value,
            InstrumentKind.InversePerp or InstrumentKind.InverseFuture => qty * risk.Multiplier,
            _ => qty * risk.Multiplier * risk.Mark,
        };
        return new PositionLine(instrumentId, p.Qty, risk.Kind.IsOption() ? 0 : p.Entry, p.Funding, Round(value), RoundPrice(risk.Mark));
    }

    public static RegimeComparisonView Comparison(string accountId, RegimeComparison c, DateTimeOffset asOf) => new()
    {
        AsOf = asOf,
        AccountId = accountId,
        SiloedTotal = Money.Requirement(c.SiloedTotal),
        CrossTotal = Money.Requirement(c.CrossTotal),
        SavingUsd = Money.Equity(c.SavingUsd),
        SavingPct = c.SavingPct,
        Silos = [.. c.Silos.Select(s => new SiloView(s.Silo, s.Regime, Money.Requirement(s.Requirement)))],
    };

    public static AccountSummary Summary(string accountId, AccountRecord record, MarginFigures? f, DateTimeOffset at, string silo = "", bool atRisk = false) => new()
    {
        AccountId = accountId,
        State = f?.State ?? record.LastState ?? AccountState.Ok,
        Equity = f is { } a ? Money.Equity(a.Ae) : 0,
        InitialMargin = f is { } b ? Money.Requirement(b.Im) : 0,
        MaintenanceMargin = f is { } c ? Money.Requirement(c.Mm) : 0,
        Health = f is { } d ? Money.Equity(d.Ae - d.Mm) : 0,
        Frozen = record.Frozen,
        At = at,
        Regime = record.Regime,
        Silo = silo,
        AtRisk = atRisk,
    };

    /// <summary>A deterministic hash of the stored holdings (decimal record), equal across restarts and reloads.</summary>
    public static ulong StateHash(AccountRecord record)
    {
        var h = new HashCode64();
        h.Add((int)record.Regime);
        h.Add(record.Frozen ? 1 : 0);
        foreach (var (asset, qty) in record.Balances.Where(b => b.Value != 0).OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            h.Add(asset);
            h.Add(qty);
        }

        foreach (var (id, p) in record.Positions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            h.Add(id);
            h.Add(p.Qty);
            h.Add(p.Entry);
            h.Add(p.Funding);
        }

        foreach (var o in record.Orders.OrderBy(o => o.ClientOrderId, StringComparer.Ordinal))
        {
            h.Add(o.ClientOrderId);
            h.Add(o.InstrumentId);
            h.Add((int)o.Side);
            h.Add(o.Qty);
            h.Add(o.Price);
        }

        return h.Value;
    }

    private static decimal Round(double value) => double.IsFinite(value) ? Math.Round((decimal)value, 2) : 0;

    // Prices and quantities keep the wire Decimal's nine places.
    private static decimal RoundPrice(double value) => double.IsFinite(value) ? Math.Round((decimal)value, 9) : 0;

    private static decimal RoundQty(double value) => RoundPrice(value);

    private static string VolName(VolState v) => v switch
    {
        VolState.Up => "up",
        VolState.Down => "down",
        _ => "same",
    };
}

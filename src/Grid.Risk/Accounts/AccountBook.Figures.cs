using Grid.Risk.Instruments;
using Grid.Risk.Margin;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    /// <summary>Recomputes the cached figures of group <paramref name="g"/> in every fill state.</summary>
    internal void Refresh(int g)
    {
        Invalidate();
        var gb = Groups[g]!;
        var group = Model.Groups[g];
        for (var s = 0; s < gb.LiveStates; s++)
        {
            gb.Figures[s] = Regime == MarginRegime.Std && group.Rule.Grid != GridKind.Span16
                ? StdRequirement.Of(this, g, (FillState)s, null)
                : GroupRequirement.Of(group, gb.States[s]);
        }

        gb.SpotOrderCost = SpotOrderCost(g);
    }

    /// <summary>Collateral value of <paramref name="qty"/> units of asset <paramref name="a"/> in this regime
    /// (PM: scenario-mode at full mark; STD: equities and ETFs at full mark under Reg T).</summary>
    internal double CollateralValue(int a, double qty)
    {
        var asset = Model.Assets[a];
        if (qty != 0 && double.IsNaN(asset.Price))
        {
            throw new Market.RiskInputException($"index.{asset.Rule.Name}", "no price for a held asset");
        }

        var full = Regime == MarginRegime.Pm
            ? asset.Rule.Mode == CollateralMode.Scenario
            : asset.Rule.Kind is AssetKind.Equity or AssetKind.Etf;
        return asset.CollateralValue(qty, full);
    }

    /// <summary>Σ collateral values after haircuts.</summary>
    public double CollateralValue()
    {
        double cv = 0;
        for (var a = 0; a < Balances.Length; a++)
        {
            if (Balances[a] != 0)
            {
                cv += CollateralValue(a, Balances[a]);
            }
        }

        return cv;
    }

    /// <summary>Derivative value: option marks, delta-one uPnL and unsettled funding (Rulebook §3.2, §4 item 21).</summary>
    public double DerivativeValue()
    {
        double dv = 0;
        for (var k = 0; k < HoldingCount; k++)
        {
            ref var h = ref Holdings[k];
            var risk = Model.Instruments[h.Instrument];
            // Funding of coin-margined contracts accrues in the coin.
            dv += PositionValue(risk, h.Qty, h.Entry) + (risk.Kind.IsInverse() ? h.Funding * risk.UnderlyingPrice : h.Funding);
        }

        return dv;
    }

    /// <summary>Collateral value after haircuts of one asset's balance.</summary>
    public double CollateralValueOf(string asset) => Model.TryGetAsset(asset, out var a) && Balances[a] != 0 ? CollateralValue(a, Balances[a]) : 0;

    /// <summary>Value in USD of one position: option mark, or delta-one uPnL plus unsettled funding.</summary>
    public double ValueOf(string instrument)
    {
        if (!Model.TryGetInstrument(instrument, out var i) || FindHolding(i) is not (var k and >= 0))
        {
            return 0;
        }

        var risk = Model.Instruments[i];
        ref var h = ref Holdings[k];
        return PositionValue(risk, h.Qty, h.Entry) + (risk.Kind.IsInverse() ? h.Funding * risk.UnderlyingPrice : h.Funding);
    }

    internal static double PositionValue(Market.InstrumentRisk risk, double qty, double entry)
    {
        if (qty == 0)
        {
            return 0;
        }

        return risk.Kind.IsOption() ? qty * risk.Value : risk.UnrealisedPnl(qty, entry);
    }

    /// <summary>Adjusted equity AE = Σ CV + DV.</summary>
    public double AdjustedEquity() => CollateralValue() + DerivativeValue();

    /// <summary>
    /// Spot order cost of a group's own spot and stock orders filled together: max(0, AE − AE after
    /// the fills) (Rulebook §4 item 26). Group −1 collects orders whose assets have no group.
    /// </summary>
    internal double SpotOrderCost(int group)
    {
        var any = false;
        Span<double> fill = Balances.Length <= 128 ? stackalloc double[Balances.Length] : new double[Balances.Length];
        for (var k = 0; k < OrderCount; k++)
        {
            ref var o = ref Orders[k];
            var risk = Model.Instruments[o.Instrument];
            if (!risk.Kind.IsCash() || risk.Group != group)
            {
                continue;
            }

            SpotFillDelta(risk, o.Side, o.Qty, o.Price, out var dBase, out var dQuote);
            fill[risk.BaseAsset] += dBase;
            fill[risk.QuoteAsset] += dQuote;
            any = true;
        }

        return any ? FillCost(fill) : 0;
    }

    /// <summary>max(0, Σ CV(b) − CV(b + fill)) over the assets a fill moves.</summary>
    internal double FillCost(ReadOnlySpan<double> fill)
    {
        double cost = 0;
        for (var a = 0; a < fill.Length; a++)
        {
            if (fill[a] != 0)
            {
                cost += CollateralValue(a, Balances[a]) - CollateralValue(a, Balances[a] + fill[a]);
            }
        }

        return Math.Max(0, cost);
    }
}

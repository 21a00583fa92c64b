using Grid.Risk.Market;
using Grid.Risk.Scenarios;

namespace Grid.Risk.Margin;

/// <summary>
/// The additive state of one risk group in one fill state (positions only, all bids, or all asks):
/// the scenario PnL vector Σ q·RA plus balance terms, the USD delta, the delta-one notionals of the
/// basis add-on, the short-option minima and the resting-order costs of the side. Updated in place
/// by replacing an instrument's or a balance's old contribution with its new one, so a full rebuild
/// and an incremental update run the same code.
/// </summary>
internal sealed class Exposure(int scenarios)
{
    /// <summary>Unweighted PnL per scenario.</summary>
    public readonly double[] Pnl = new double[scenarios];

    /// <summary>Group USD delta Δ_g (Rulebook §4 item 13).</summary>
    public double Delta;

    /// <summary>Long delta-one notional (basis add-on).</summary>
    public double LongDeltaOne;

    /// <summary>Short delta-one notional (basis add-on).</summary>
    public double ShortDeltaOne;

    /// <summary>Per-strike short-option minimum, Σ slots somRate·max(0, −net)·F.</summary>
    public double SomStrike;

    /// <summary>FINRA minimum per contract.</summary>
    public double MinPerContract;

    /// <summary>Open loss of the side's resting orders (USD).</summary>
    public double OpenLoss;

    /// <summary>Fee reserve of the side's resting orders (USD).</summary>
    public double FeeReserve;

    /// <summary>Zeroes every figure.</summary>
    public void Reset()
    {
        Array.Clear(Pnl);
        Delta = LongDeltaOne = ShortDeltaOne = SomStrike = MinPerContract = OpenLoss = FeeReserve = 0;
    }

    /// <summary>Copies <paramref name="other"/> into this exposure.</summary>
    public void CopyFrom(Exposure other)
    {
        other.Pnl.AsSpan().CopyTo(Pnl);
        Delta = other.Delta;
        LongDeltaOne = other.LongDeltaOne;
        ShortDeltaOne = other.ShortDeltaOne;
        SomStrike = other.SomStrike;
        MinPerContract = other.MinPerContract;
        OpenLoss = other.OpenLoss;
        FeeReserve = other.FeeReserve;
    }

    /// <summary>Replaces the contribution of a net position of <paramref name="from"/> contracts with <paramref name="to"/>.</summary>
    public void MoveInstrument(InstrumentRisk risk, double from, double to)
    {
        var dq = to - from;
        if (dq == 0)
        {
            return;
        }

        ScenarioMath.AddScaled(Pnl.AsSpan(0, risk.RiskArray.Length), risk.RiskArray, dq);
        Delta += dq * risk.Delta;
        var n = risk.DeltaOneNotional;
        LongDeltaOne += n * (Math.Max(to, 0) - Math.Max(from, 0));
        ShortDeltaOne += n * (Math.Max(-to, 0) - Math.Max(-from, 0));
        MinPerContract += Minimum(risk, to) - Minimum(risk, from);
    }

    /// <summary>
    /// The figures this exposure would have after <see cref="MoveInstrument"/>(risk, from, to), without
    /// moving it: one pass over the scenarios, no allocation (the pre-trade hot path).
    /// </summary>
    public GroupFigures Preview(GroupModel group, InstrumentRisk risk, double from, double to, double somStrikeChange)
    {
        // One fused pass: on a single vector the scalar loop beats a vectorised min plus an index search.
        var dq = to - from;
        var ra = risk.RiskArray;
        var weights = group.Grid.Weights;
        var pnl = Pnl;
        var min = double.PositiveInfinity;
        var worst = 0;
        for (var j = 0; j < ra.Length; j++)
        {
            var loss = weights[j] * (pnl[j] + dq * ra[j]);
            if (loss < min)
            {
                min = loss;
                worst = j;
            }
        }

        var n = risk.DeltaOneNotional;
        return GroupRequirement.Combine(
            group.Rule,
            Math.Max(0, -min),
            worst,
            Delta + dq * risk.Delta,
            LongDeltaOne + n * (Math.Max(to, 0) - Math.Max(from, 0)),
            ShortDeltaOne + n * (Math.Max(-to, 0) - Math.Max(-from, 0)),
            SomStrike + somStrikeChange,
            MinPerContract + (Minimum(risk, to) - Minimum(risk, from)));
    }

    /// <summary>Replaces the scenario contribution of a balance of <paramref name="from"/> units with <paramref name="to"/>.</summary>
    public void MoveBalance(AssetRisk asset, double from, double to)
    {
        if (from == to || asset.Full is null)
        {
            return;
        }

        AddBalance(asset, from, -1);
        AddBalance(asset, to, +1);
    }

    private void AddBalance(AssetRisk asset, double qty, double sign)
    {
        if (qty == 0)
        {
            return;
        }

        var both = asset.BothWays(qty);
        var array = both ? asset.Full! : asset.Upside!;
        var k = sign * qty;
        ScenarioMath.AddScaled(Pnl.AsSpan(0, array.Length), array, k);

        if (both)
        {
            var value = k * asset.Price;
            Delta += value;
            if (qty > 0)
            {
                LongDeltaOne += value;
            }
            else
            {
                ShortDeltaOne -= value;
            }
        }
    }

    private static double Minimum(InstrumentRisk risk, double qty)
        => qty >= 0 ? qty * risk.MinPerLongContract : -qty * risk.MinPerShortContract;
}

using System.Runtime.CompilerServices;
using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Monitoring;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Stress;

public sealed partial class StressMarket
{
    /// <summary>
    /// One account under every scenario (Rulebook §5.2), positions only: resting orders are ignored.
    /// No allocation. The book must be indexed like <see cref="Model"/> (same layout); its holdings
    /// are valued at this market's prices, its positions-only IM is the book's own.
    /// </summary>
    /// <param name="book">The account.</param>
    /// <param name="outcomes">Receives one outcome per scenario; at least <see cref="Count"/> long.</param>
    /// <returns>The account's AE now.</returns>
    /// <exception cref="RiskInputException">A held asset has no price (as in the account's own AE).</exception>
    /// <exception cref="ArgumentException">The book is indexed against another layout, or <paramref name="outcomes"/> is too short.</exception>
    public double Evaluate(AccountBook book, Span<StressOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(book);
        Require(ReferenceEquals(book.Model.Layout, Model.Layout), "the book is indexed against another model layout");
        Require(outcomes.Length >= Count, "one outcome per scenario is needed");
        Span<double> cv = stackalloc double[Width];
        Span<double> dv = stackalloc double[Width];
        cv.Clear();
        dv.Clear();
        var full = book.Regime == MarginRegime.Pm ? _fullPm : _fullStd;
        for (var a = 0; a < book.Balances.Length; a++)
        {
            var qty = book.Balances[a];
            if (qty != 0 && !AddBalance(a, qty, full[a], cv))
            {
                throw new RiskInputException($"index.{Model.Assets[a].Rule.Name}", "no price for a held asset");
            }
        }

        for (var k = 0; k < book.HoldingCount; k++)
        {
            ref var h = ref book.Holdings[k];
            AddPosition(h.Instrument, h.Qty, h.Entry, h.Funding, dv);
        }

        return Finish(cv, dv, book.Figures().ImPositions, outcomes);
    }

    /// <summary>
    /// One account under every scenario from the compact replica the margin monitor keeps (no
    /// allocation, no book): its AE now and AE′ per scenario; the positions-only IM is the one of
    /// the replica's last evaluation.
    /// </summary>
    /// <returns>False when the replica is indexed against another layout, holds an unpriced asset,
    /// or a figure is not finite (the account is then not valued).</returns>
    public bool TryEvaluate(MonitoredAccount replica, Span<StressOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(replica);
        Require(outcomes.Length >= Count, "one outcome per scenario is needed");
        if (!ReferenceEquals(replica.Layout, Model.Layout))
        {
            return false;
        }

        Span<double> cv = stackalloc double[Width];
        Span<double> dv = stackalloc double[Width];
        cv.Clear();
        dv.Clear();
        var full = replica.Regime == MarginRegime.Pm ? _fullPm : _fullStd;
        var assets = replica.AssetIndexes;
        var balances = replica.BalanceValues;
        for (var i = 0; i < assets.Length; i++)
        {
            if (!AddBalance(assets[i], balances[i], full[assets[i]], cv))
            {
                return false;
            }
        }

        var instruments = replica.InstrumentIndexes;
        var positions = replica.PositionValues;
        for (var i = 0; i < instruments.Length; i++)
        {
            AddPosition(instruments[i], positions[3 * i], positions[3 * i + 1], positions[3 * i + 2], dv);
        }

        Finish(cv, dv, replica.Figures.ImPositions, outcomes);
        return double.IsFinite(cv[0] + dv[0]) && AllFinite(outcomes[..Count]);
    }

    // Collateral after haircuts at each column's price, as AssetRisk.CollateralValue computes it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool AddBalance(int a, double qty, bool fullValue, Span<double> cv)
    {
        var prices = _prices.AsSpan(a * Width, Width);
        if (double.IsNaN(prices[0]))
        {
            return false;
        }

        var rule = Model.Assets[a].Rule;
        if (qty <= 0 || fullValue)
        {
            for (var s = 0; s < prices.Length; s++)
            {
                cv[s] += qty * prices[s];
            }
        }
        else if (rule.TiersInUsd)
        {
            for (var s = 0; s < prices.Length; s++)
            {
                cv[s] += Tier.Marginal(rule.HaircutTiers, qty * prices[s]);
            }
        }
        else
        {
            var kept = Tier.Marginal(rule.HaircutTiers, qty);
            for (var s = 0; s < prices.Length; s++)
            {
                cv[s] += kept * prices[s];
            }
        }

        return true;
    }

    // Derivative value at each column's inputs, as AccountBook.DerivativeValue computes it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddPosition(int i, double qty, double entry, double funding, Span<double> dv)
    {
        var row = _instruments.AsSpan(i * Width, Width);
        var multiplier = Model.Instruments[i].Multiplier;
        switch (_valuation[i])
        {
            case StressValuation.Linear:
                for (var s = 0; s < row.Length; s++)
                {
                    dv[s] += (qty == 0 ? 0 : qty * multiplier * (row[s].Mark - entry)) + funding * row[s].FundingPrice;
                }

                break;
            case StressValuation.Inverse:
                for (var s = 0; s < row.Length; s++)
                {
                    dv[s] += (qty == 0 ? 0 : qty * multiplier * (1 / entry - 1 / row[s].Mark) * row[s].UnderlyingPrice) + funding * row[s].FundingPrice;
                }

                break;
            case StressValuation.Option:
                for (var s = 0; s < row.Length; s++)
                {
                    dv[s] += (qty == 0 ? 0 : qty * row[s].Value) + funding * row[s].FundingPrice;
                }

                break;
        }
    }

    private double Finish(ReadOnlySpan<double> cv, ReadOnlySpan<double> dv, double imPositions, Span<StressOutcome> outcomes)
    {
        var ae = cv[0] + dv[0];
        for (var s = 0; s < Count; s++)
        {
            outcomes[s] = new StressOutcome(ae, cv[s + 1] + dv[s + 1], imPositions);
        }

        return ae;
    }

    private static bool AllFinite(ReadOnlySpan<StressOutcome> outcomes)
    {
        foreach (var o in outcomes)
        {
            if (!double.IsFinite(o.AeStressed))
            {
                return false;
            }
        }

        return true;
    }

    private static void Require(bool ok, string message)
    {
        if (!ok)
        {
            throw new ArgumentException(message);
        }
    }
}

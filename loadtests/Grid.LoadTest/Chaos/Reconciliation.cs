using Grid.Api.V1;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Chaos;

/// <summary>
/// Compares one account's ledger of acknowledged changes with its portfolio read back over the public
/// API. Reservations are compared order by order (missing, extra, remaining quantity), positions
/// instrument by instrument (a difference equal to one acknowledged fill names it lost or booked
/// twice), and the balances against the deposit plus the realised PnL the positions imply. The
/// balance rule holds for linear, multiplier-1 contracts without fees settled in an asset at par (the
/// generator's instruments: the demo's perpetuals settle in USDT at 1): average-entry accounting
/// realises Σ cash = qty × entry − Σ dq × price whatever the order the fills were booked in.
/// </summary>
public static class Reconciliation
{
    /// <summary>Tolerance of the balance rule: wire decimals carry nine places, entries are averages.</summary>
    public const decimal BalanceTolerance = 0.001m;

    /// <summary>Reconciles <paramref name="ledger"/> with <paramref name="portfolio"/> of an account funded with <paramref name="funding"/> USD.</summary>
    public static Discrepancies Check(string account, AccountLedger ledger, Portfolio portfolio, decimal funding)
    {
        var found = new Discrepancies();
        if (ledger.Unresolved > 0)
        {
            found.Uncertain++;
            found.Note($"{account}: {ledger.Unresolved} message(s) never answered; not reconciled");
            return found;
        }

        Reservations(account, ledger, portfolio, found);
        Positions(account, ledger, portfolio, found);
        Balance(account, ledger, portfolio, funding, found);
        return found;
    }

    private static void Reservations(string account, AccountLedger ledger, Portfolio portfolio, Discrepancies found)
    {
        var resting = portfolio.Orders.ToDictionary(o => o.ClientOrderId, o => WireDecimals.ToDecimal(o.RemainingQty), StringComparer.Ordinal);
        foreach (var order in ledger.Orders.Values)
        {
            var expected = order.Remaining;
            var actual = resting.GetValueOrDefault(order.ClientOrderId);
            if (expected == actual)
            {
                continue;
            }

            if (expected > 0 && actual == 0)
            {
                found.Lost++;
                found.Note($"{account}: accepted order {order.ClientOrderId} ({expected} to rest) is not reserved");
            }
            else if (order.Cancelled)
            {
                found.Lost++;
                found.Note($"{account}: cancelled order {order.ClientOrderId} still rests {actual}");
            }
            else if (actual > expected)
            {
                found.Lost++;
                found.Note($"{account}: order {order.ClientOrderId} rests {actual}, {expected} after its acknowledged fills (a fill lost)");
            }
            else
            {
                found.AppliedTwice++;
                found.Note($"{account}: order {order.ClientOrderId} rests {actual}, {expected} after its acknowledged fills (a fill booked twice)");
            }
        }

        foreach (var (id, qty) in resting.Where(r => !ledger.Orders.ContainsKey(r.Key)))
        {
            found.Unacknowledged++;
            found.Note($"{account}: order {id} rests {qty} but was never acknowledged as accepted");
        }
    }

    private static void Positions(string account, AccountLedger ledger, Portfolio portfolio, Discrepancies found)
    {
        var actual = portfolio.Positions.ToDictionary(p => p.InstrumentId, p => WireDecimals.ToDecimal(p.Qty), StringComparer.Ordinal);
        var expected = ledger.Positions();
        foreach (var instrument in expected.Keys.Union(actual.Keys, StringComparer.Ordinal))
        {
            var diff = actual.GetValueOrDefault(instrument) - expected.GetValueOrDefault(instrument);
            if (diff == 0)
            {
                continue;
            }

            var fills = ledger.Fills.Values.Where(f => f.Instrument == instrument).ToList();
            if (fills.FirstOrDefault(f => f.SignedQty == -diff) is { } lost)
            {
                found.Lost++;
                found.Note($"{account}: {instrument} position off by {diff}: fill {lost.TradeId} not booked");
            }
            else if (fills.FirstOrDefault(f => f.SignedQty == diff) is { } twice)
            {
                found.AppliedTwice++;
                found.Note($"{account}: {instrument} position off by {diff}: fill {twice.TradeId} booked twice");
            }
            else
            {
                found.Other++;
                found.Note($"{account}: {instrument} position {actual.GetValueOrDefault(instrument)}, acknowledged fills make {expected.GetValueOrDefault(instrument)}");
            }
        }
    }

    private static void Balance(string account, AccountLedger ledger, Portfolio portfolio, decimal funding, Discrepancies found)
    {
        var traded = ledger.Traded();
        var realised = 0m;
        foreach (var position in portfolio.Positions)
        {
            realised += (WireDecimals.ToDecimal(position.Qty) * WireDecimals.ToDecimal(position.EntryPrice)) - traded.GetValueOrDefault(position.InstrumentId);
        }

        // Instruments traded flat again have no position line: their realised PnL is all of −Σ dq × price.
        realised -= traded.Where(t => portfolio.Positions.All(p => p.InstrumentId != t.Key)).Sum(t => t.Value);

        // Cash: every balance but the USD deposit, in units of an asset at par (USD, or the demo's USDT settlement).
        var cash = portfolio.Balances.Sum(b => WireDecimals.ToDecimal(b.Balance) - (b.Asset == "USD" ? funding : 0m));
        if (Math.Abs(cash - realised) > BalanceTolerance)
        {
            found.Other++;
            found.Note($"{account}: balances hold {cash} beyond the deposit, the acknowledged fills realise {realised}");
        }
    }
}

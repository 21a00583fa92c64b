using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Market;

namespace Grid.Risk.Ledger;

/// <summary>
/// Funding of derivative positions (perpetuals above all). Accrued funding is the position's unsettled
/// funding: it counts in the derivative value DV and so in AE (Rulebook §3.2, §4 item 21), in USD for
/// linear contracts and in the coin for coin-margined ones. Settling moves all of it into the
/// settlement asset's balance (converted at that asset's index for linear contracts), where it counts
/// as collateral after haircuts instead. The ledger and the book move together; a refusal changes nothing.
/// </summary>
public static class FundingSettlement
{
    /// <summary>
    /// Adds <paramref name="accrue"/> to the unsettled funding of <paramref name="spec"/>'s position, then,
    /// with <paramref name="settle"/>, settles the whole unsettled amount into the balance.
    /// <paramref name="fields"/> prefixes the field named in a refusal ("funding." on the stream).
    /// </summary>
    public static LedgerRefusal Apply(IAccountLedger ledger, AccountBook? book, RiskModel model, Instrument spec, decimal accrue, bool settle, string fields)
    {
        if (spec.Kind.IsCash())
        {
            return new LedgerRefusal(fields + "instrument_id", $"{spec.Id} is a spot or stock instrument: its holdings are balances and carry no funding");
        }

        var position = ledger.Position(spec.Id);
        if (position.IsEmpty)
        {
            return new LedgerRefusal(fields + "instrument_id", $"the account has no position in {spec.Id} to fund; nothing was applied");
        }

        var settlement = FillSettlement.SettlementAsset(spec, model);
        var price = FillSettlement.PriceOf(settlement, model);
        var unsettled = position.Funding + accrue;
        var usd = (double)unsettled * (spec.Kind.IsInverse() ? (double)price : 1);
        if (Math.Abs(usd) > GridLimits.MaxValue)
        {
            return new LedgerRefusal(fields + "accrue", GridLimits.Message("the unsettled funding"));
        }

        var units = spec.Kind.IsInverse() ? unsettled : unsettled / price;
        if (settle && Math.Abs((double)(ledger.Balance(settlement) + units) * (double)price) > GridLimits.MaxValue)
        {
            return new LedgerRefusal(fields + "settle", GridLimits.Message($"the {settlement} balance"));
        }

        // The ledger first, then the book: a book that cannot take a value leaves the ledger whole.
        var after = position with { Funding = settle ? 0 : unsettled };
        var balance = ledger.Balance(settlement) + units;
        ledger.SetPosition(spec.Id, after);
        if (settle)
        {
            ledger.SetBalance(settlement, balance);
        }

        book?.SetPosition(spec.Id, (double)after.Qty, (double)after.Entry, (double)after.Funding);
        if (settle && units != 0)
        {
            book?.SetBalance(settlement, (double)balance);
        }

        return LedgerRefusal.None;
    }
}

using System.Globalization;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Market;

namespace Grid.Risk.Ledger;

/// <summary>
/// Books a fill: validates it against the rulebook and the grid's limits, then moves the position and
/// the cash in the ledger (exact decimals, <see cref="FillAccounting"/>) and mirrors every new value
/// into the book. A derivative realises PnL or moves its option premium in its settlement asset and
/// pays the fee there; a spot or stock fill moves base ±q and quote ∓q·px − fee. Refused fills change
/// nothing. A fill is never refused for margin: the trade happened.
/// </summary>
public static class FillSettlement
{
    /// <summary>
    /// Books <paramref name="fill"/> of <paramref name="spec"/> into <paramref name="ledger"/> and mirrors it
    /// into <paramref name="book"/> (null while the account cannot be margined). <paramref name="model"/> is
    /// the market in force: the rulebook's assets and fee limit, and asset prices.
    /// </summary>
    public static LedgerRefusal Book(IAccountLedger ledger, AccountBook? book, RiskModel model, Instrument spec, in FillTerms fill)
    {
        if (Refusal(ledger, model, spec, fill) is { Refused: true } refused)
        {
            return refused;
        }

        var dq = fill.Side == Side.Buy ? fill.Qty : -fill.Qty;
        if (spec.Kind.IsCash())
        {
            // The ledger first, then the book: a book that cannot take a value leaves the ledger whole.
            var (baseAsset, quote) = (spec.Base!, QuoteOf(spec));
            var baseAfter = ledger.Balance(baseAsset) + dq;
            var quoteAfter = ledger.Balance(quote) - (dq * fill.Price) - fill.Fee;
            ledger.SetBalance(baseAsset, baseAfter);
            ledger.SetBalance(quote, quoteAfter);
            book?.SetBalance(baseAsset, (double)baseAfter);
            book?.SetBalance(quote, (double)quoteAfter);
            return LedgerRefusal.None;
        }

        var position = ledger.Position(spec.Id);
        var settlement = SettlementAsset(spec, model);
        var (entry, units) = FillAccounting.Settle(
            spec.Kind.IsOption(), spec.Kind.IsInverse(), (decimal)spec.Multiplier, position.Qty, position.Entry, dq, fill.Price, fill.Fee, PriceOf(settlement, model));
        var balance = ledger.Balance(settlement) + units;
        if (Math.Abs((double)balance * (double)PriceOf(settlement, model)) > GridLimits.MaxValue)
        {
            return new LedgerRefusal("filled.qty", GridLimits.Message($"the {settlement} balance"));
        }

        var after = position with { Qty = position.Qty + dq, Entry = entry };
        ledger.SetPosition(spec.Id, after);
        ledger.SetBalance(settlement, balance);
        book?.SetPosition(spec.Id, (double)after.Qty, (double)after.Entry, (double)after.Funding);
        if (units != 0)
        {
            book?.SetBalance(settlement, (double)balance);
        }

        return LedgerRefusal.None;
    }

    /// <summary>The asset a fill settles in: the listed settlement asset, else the coin of a coin-margined contract, else USD.</summary>
    public static string SettlementAsset(Instrument spec, RiskModel model)
    {
        var assets = model.Rulebook.Assets;
        if (spec.Settlement is { } s && assets.ContainsKey(s))
        {
            return s;
        }

        return spec.Kind.IsInverse() && spec.Underlying is { } u && assets.ContainsKey(u) ? u : "USD";
    }

    /// <summary>The quote asset of a spot pair or stock: its own, else USDT for spot and USD for stocks.</summary>
    public static string QuoteOf(Instrument spec) => spec.Quote ?? (spec.Kind == InstrumentKind.Spot ? "USDT" : "USD");

    /// <summary>
    /// USD notional of a fill, the base of the fee limit: face value for coin-margined delta-one, the
    /// underlying's value for options, the quote value for spot and stock, price × size × multiplier otherwise.
    /// </summary>
    public static double Notional(Instrument spec, RiskModel model, double qty, double price)
    {
        var mult = spec.Multiplier;
        return spec.Kind switch
        {
            InstrumentKind.InversePerp or InstrumentKind.InverseFuture => qty * mult,
            _ when spec.Kind.IsOption() && IndexOf(spec.Underlying, model) is var s and > 0 => qty * mult * s,
            _ when spec.Kind.IsCash() => qty * price * (double)PriceOf(QuoteOf(spec), model),
            _ => qty * mult * price,
        };
    }

    // Why the fill cannot be booked, or None. Checked in full before anything moves.
    private static LedgerRefusal Refusal(IAccountLedger ledger, RiskModel model, Instrument spec, in FillTerms fill)
    {
        var assets = model.Rulebook.Assets;
        var feeAsset = spec.Kind.IsCash() ? QuoteOf(spec) : SettlementAsset(spec, model);
        if (spec.Kind.IsCash() && (spec.Base is not { } b || !assets.ContainsKey(b) || !assets.ContainsKey(feeAsset)))
        {
            return new LedgerRefusal("filled.instrument_id", $"{spec.Id} trades {spec.Base}/{feeAsset}, an asset the rulebook does not list; nothing was booked");
        }

        var notional = Math.Abs(Notional(spec, model, (double)fill.Qty, (double)fill.Price));
        var feeUsd = Math.Abs((double)fill.Fee) * (double)PriceOf(feeAsset, model);
        var limit = model.Rulebook.MaxFeeRate * notional;
        if (feeUsd > limit * (1 + 1e-12))
        {
            var c = CultureInfo.InvariantCulture;
            return new LedgerRefusal("filled.fee", string.Format(
                c, "{0} {1} (≈ {2:F2} USD) is more than the rulebook's maximum fee rate {3:P4} (fees.maxRate) of the fill's notional {4:F2} USD; a rebate has the same bound; nothing was booked",
                fill.Fee, feeAsset, feeUsd, model.Rulebook.MaxFeeRate, notional));
        }

        return Oversized(ledger, model, spec, fill);
    }

    /// <summary>
    /// Whether booking would take a position or a cash balance beyond <see cref="GridLimits.MaxValue"/>,
    /// valued at the fill price in doubles (the product of two wire amounts may not fit a decimal);
    /// passing it keeps the settlement's decimal arithmetic in range.
    /// </summary>
    private static LedgerRefusal Oversized(IAccountLedger ledger, RiskModel model, Instrument spec, in FillTerms fill)
    {
        var dq = (double)(fill.Side == Side.Buy ? fill.Qty : -fill.Qty);
        var price = (double)fill.Price;
        if (spec.Kind.IsCash())
        {
            var held = (double)ledger.Balance(spec.Base!);
            var quote = (double)ledger.Balance(QuoteOf(spec));
            return Math.Abs((held + dq) * price) > GridLimits.MaxValue || Math.Abs(quote - (dq * price) - (double)fill.Fee) > GridLimits.MaxValue
                ? new LedgerRefusal("filled.qty", GridLimits.Message($"the {spec.Base} or quote balance"))
                : LedgerRefusal.None;
        }

        var position = (double)ledger.Position(spec.Id).Qty;
        var perUnit = spec.Kind is InstrumentKind.InversePerp or InstrumentKind.InverseFuture ? spec.Multiplier : spec.Multiplier * price;
        return Math.Abs((position + dq) * perUnit) > GridLimits.MaxValue
            ? new LedgerRefusal("filled.qty", GridLimits.Message($"the position in {spec.Id}"))
            : LedgerRefusal.None;
    }

    /// <summary>Moves a ledger balance and mirrors the new value into the book.</summary>
    internal static void Move(IAccountLedger ledger, AccountBook? book, string asset, decimal amount)
    {
        if (amount == 0)
        {
            return;
        }

        var value = ledger.Balance(asset) + amount;
        ledger.SetBalance(asset, value);
        book?.SetBalance(asset, (double)value);
    }

    /// <summary>USD price of an asset in the market, 1 when it has none (USD-like settlement).</summary>
    internal static decimal PriceOf(string asset, RiskModel model)
        => model.TryGetAsset(asset, out var a) && double.IsFinite(model.Assets[a].Price) ? (decimal)model.Assets[a].Price : 1m;

    private static double IndexOf(string? asset, RiskModel model)
        => asset is not null && model.TryGetAsset(asset, out var a) && double.IsFinite(model.Assets[a].Price) ? model.Assets[a].Price : 0;
}

using Grid.Abstractions.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Grid.Abstractions.Market;
using Grid.Risk.Accounts;
using Grid.Risk.Instruments;

namespace Grid.Grains.Accounts;

internal sealed partial class AccountDesk
{
    private EngineReply Fill(EngineCommand c)
    {
        if (_trades.TryGet(IdHash.Of(c.TradeId), out _))
        {
            var known = Record.FindOrder(c.ClientOrderId);
            return Acked(c, known >= 0 ? Record.Orders[known].Qty : 0, known >= 0, replayed: true);
        }

        var i = Record.FindOrder(c.ClientOrderId);
        var instrumentId = c.InstrumentId;
        var side = c.Side;
        if (i >= 0)
        {
            var order = Record.Orders[i];
            if (instrumentId.Length > 0 && instrumentId != order.InstrumentId || side != 0 && side != order.Side)
            {
                return EngineReply.Fail(c, ErrorCode.InvalidField, "instrument_id/side: differ from the resting order");
            }

            if (c.Qty > order.Qty)
            {
                return EngineReply.Fail(c, ErrorCode.InvalidField, $"qty: fill {c.Qty} exceeds the remaining {order.Qty}");
            }

            (instrumentId, side) = (order.InstrumentId, order.Side);
        }
        else if (instrumentId.Length == 0 || side == 0)
        {
            return EngineReply.Fail(c, ErrorCode.UnknownOrder, $"client_order_id: {c.ClientOrderId} is not resting; give instrument_id and side to book the fill anyway");
        }

        if (!Frame.Instruments.TryGetValue(instrumentId, out var info))
        {
            return EngineReply.Fail(c, ErrorCode.UnknownInstrument, $"instrument_id: {instrumentId} is not listed");
        }

        if ((Oversized(info.Spec, side, c.Qty, c.Price, c.Fee) ?? Settle(info.Spec, side, c.Qty, c.Price, c.Fee)) is { } oversized)
        {
            return EngineReply.Fail(c, ErrorCode.InvalidField, $"qty: {oversized}");
        }

        var remaining = 0m;
        if (i >= 0)
        {
            remaining = Record.Orders[i].Qty - c.Qty;
            SetRemaining(i, remaining);
        }

        _trades.Add(IdHash.Of(c.TradeId));
        MarkChanged();
        return Acked(c, remaining, known: i >= 0);
    }

    /// <summary>
    /// Why booking the fill would take a position or a cash balance beyond <see cref="AccountLimits.MaxValue"/>,
    /// or null. Valued at the fill price, in doubles (the product of two wire amounts may not fit a decimal);
    /// passing it keeps the settlement's decimal arithmetic in range.
    /// </summary>
    private string? Oversized(InstrumentSpec spec, Side side, decimal qty, decimal price, decimal fee)
    {
        var dq = (double)(side == Side.Buy ? qty : -qty);
        if (spec.Kind.IsCash())
        {
            var held = Record.Balances.TryGetValue(spec.Underlying!, out var b) ? (double)b : 0;
            var quote = Record.Balances.TryGetValue(QuoteOf(spec), out var q) ? (double)q : 0;
            return Math.Abs((held + dq) * (double)price) > AccountLimits.MaxValue || Math.Abs(quote - dq * (double)price - (double)fee) > AccountLimits.MaxValue
                ? AccountLimits.Message($"the {spec.Underlying} or quote balance")
                : null;
        }

        var position = Record.Positions.TryGetValue(spec.Id, out var p) ? (double)p.Qty : 0;
        var perUnit = spec.Kind is InstrumentKind.InversePerp or InstrumentKind.InverseFuture ? (double)spec.Multiplier : (double)spec.Multiplier * (double)price;
        return Math.Abs((position + dq) * perUnit) > AccountLimits.MaxValue ? AccountLimits.Message($"the position in {spec.Id}") : null;
    }

    /// <summary>
    /// Books a fill in the decimal record, then mirrors the new values into the book; null when booked,
    /// or why not when the realised cash flow would take the settlement balance beyond
    /// <see cref="AccountLimits.MaxValue"/> (then nothing changed).
    /// </summary>
    private string? Settle(InstrumentSpec spec, Side side, decimal qty, decimal price, decimal fee)
    {
        var dq = side == Side.Buy ? qty : -qty;
        var book = Book();
        if (spec.Kind.IsCash())
        {
            MoveBalance(spec.Underlying!, dq, book);
            MoveBalance(QuoteOf(spec), -dq * price - fee, book);
            return null;
        }

        var position = Record.Positions.TryGetValue(spec.Id, out var p) ? p : new PositionRecord();
        var settlement = SettlementAsset(spec);
        var settlementPrice = PriceOf(settlement);
        var (entry, units) = FillAccounting.Settle(
            spec.Kind.IsOption(), spec.Kind.IsInverse(), spec.Multiplier, position.Qty, position.Entry, dq, price, fee, settlementPrice);
        var balance = Record.Balances.TryGetValue(settlement, out var b) ? b : 0;
        if (Math.Abs((double)(balance + units) * (double)settlementPrice) > AccountLimits.MaxValue)
        {
            return AccountLimits.Message($"the {settlement} balance");
        }

        position.Qty += dq;
        position.Entry = entry;
        if (position.Qty == 0 && position.Funding == 0)
        {
            Record.Positions.Remove(spec.Id);
        }
        else
        {
            Record.Positions[spec.Id] = position;
        }

        book?.SetPosition(spec.Id, (double)position.Qty, (double)position.Entry, (double)position.Funding);
        MoveBalance(settlement, units, book);
        return null;
    }

    private static string QuoteOf(InstrumentSpec spec) => spec.Quote ?? (spec.Kind == InstrumentKind.Spot ? "USDT" : "USD");

    private void MoveBalance(string asset, decimal amount, AccountBook? book)
    {
        if (amount == 0)
        {
            return;
        }

        var value = (Record.Balances.TryGetValue(asset, out var b) ? b : 0) + amount;
        Record.Balances[asset] = value;
        book?.SetBalance(asset, (double)value);
    }

    // The settlement asset if the rulebook lists it, the coin for coin-margined contracts, else USD.
    private string SettlementAsset(InstrumentSpec spec)
    {
        var assets = Frame.Model.Rulebook.Assets;
        if (spec.Settlement is { } s && assets.ContainsKey(s))
        {
            return s;
        }

        return spec.Kind.IsInverse() && spec.Underlying is { } u && assets.ContainsKey(u) ? u : "USD";
    }

    private decimal PriceOf(string asset)
    {
        var model = Frame.Model;
        return model.TryGetAsset(asset, out var a) && double.IsFinite(model.Assets[a].Price) ? (decimal)model.Assets[a].Price : 1m;
    }
}

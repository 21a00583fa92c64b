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

        Settle(info.Spec, side, c.Qty, c.Price, c.Fee);
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

    /// <summary>Books a fill in the decimal record, then mirrors the new values into the book.</summary>
    private void Settle(InstrumentSpec spec, Side side, decimal qty, decimal price, decimal fee)
    {
        var dq = side == Side.Buy ? qty : -qty;
        var book = Book();
        if (spec.Kind.IsCash())
        {
            var quote = spec.Quote ?? (spec.Kind == InstrumentKind.Spot ? "USDT" : "USD");
            MoveBalance(spec.Underlying!, dq, book);
            MoveBalance(quote, -dq * price - fee, book);
            return;
        }

        var position = Record.Positions.TryGetValue(spec.Id, out var p) ? p : new PositionRecord();
        var settlement = SettlementAsset(spec);
        var settlementPrice = PriceOf(settlement);
        var (entry, units) = FillAccounting.Settle(
            spec.Kind.IsOption(), spec.Kind.IsInverse(), spec.Multiplier, position.Qty, position.Entry, dq, price, fee, settlementPrice);
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
    }

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

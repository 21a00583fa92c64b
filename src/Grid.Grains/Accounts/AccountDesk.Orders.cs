using Grid.Abstractions.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Market;

namespace Grid.Grains.Accounts;

internal sealed partial class AccountDesk
{
    private EngineReply Check(EngineCommand c)
    {
        var resting = Record.FindOrder(c.ClientOrderId);
        if (resting >= 0)
        {
            var o = Record.Orders[resting];
            var same = o.InstrumentId == c.InstrumentId && o.Side == c.Side && o.Price == c.Price;
            return same && _checks.TryGet(IdHash.Of(c.ClientOrderId), out var stored)
                ? Replayed(c, stored)
                : Refused(c, RejectReason.DuplicateOrderId, $"client_order_id: {c.ClientOrderId} is already resting with other terms");
        }

        if (_checks.TryGet(IdHash.Of(c.ClientOrderId), out var previous))
        {
            return Replayed(c, previous);
        }

        if (Throttled(c) is { } throttled)
        {
            // Not remembered: the same order may be sent again once the bucket refills.
            return throttled;
        }

        var reply = Place(c);
        _checks.Add(new CheckMemo(IdHash.Of(c.ClientOrderId), reply.Decision, reply.Reason, reply.Shortfall));
        if (reply.Decision != Decision.Reject)
        {
            // A reject changes nothing but the idempotency window, which rides along with the next write.
            MarkChanged();
        }

        return reply;
    }

    /// <summary>Runs the policy gates, then the risk core; on accept the order rests and its margin is reserved.</summary>
    private EngineReply Place(EngineCommand c)
    {
        if (Record.Frozen)
        {
            return Refused(c, RejectReason.AccountFrozen, Record.FrozenReason);
        }

        var frame = Frame;
        if (!frame.Instruments.TryGetValue(c.InstrumentId, out var info))
        {
            return Refused(c, RejectReason.UnknownInstrument, $"instrument_id: {c.InstrumentId} is not listed");
        }

        if (info.Halted)
        {
            return Refused(c, RejectReason.InstrumentHalted, info.HaltReason);
        }

        var book = Book();
        if (book is null || !frame.Model.TryGetInstrument(c.InstrumentId, out var index))
        {
            return Refused(c, RejectReason.NoPrice, frame.Unpriced.TryGetValue(c.InstrumentId, out var why) ? why : Unpriced ?? "no price");
        }

        if (Record.Orders.Count >= _options.MaxOpenOrders)
        {
            return Refused(c, RejectReason.MaxOpenOrders, $"at most {_options.MaxOpenOrders} resting orders");
        }

        var risk = frame.Model.Instruments[index];
        var qty = (double)c.Qty;
        var price = (double)c.Price;
        var reducing = Reduces(book, risk, c.Side, qty);
        if (c.ReduceOnly && !reducing)
        {
            return Refused(c, RejectReason.ReduceOnly, "reduce_only: the order would open or increase a position");
        }

        var spec = info.Spec;
        if (spec.PriceBand > 0 && Math.Abs(price - risk.Mark) > (double)spec.PriceBand * risk.Mark)
        {
            return Refused(c, RejectReason.PriceOutsideBand, $"price: {c.Price} is more than {spec.PriceBand:P2} from the mark {risk.Mark}");
        }

        if (spec.MaxOrderNotional > 0 && Notional(risk, qty, price) > (double)spec.MaxOrderNotional)
        {
            return Refused(c, RejectReason.MaxOrderNotional, $"notional above {spec.MaxOrderNotional} USD");
        }

        if (Math.Abs(Notional(risk, qty, price)) > AccountLimits.MaxValue)
        {
            return Refused(c, RejectReason.MaxOrderNotional, AccountLimits.Message("the order"));
        }

        var after = PositionAfter(book, risk, c.Side, qty);
        if (spec.MaxPosition > 0 && !reducing && Math.Abs(after) > (double)spec.MaxPosition)
        {
            return Refused(c, RejectReason.MaxPosition, $"position would exceed {spec.MaxPosition} contracts");
        }

        if (!reducing && Math.Abs(Notional(risk, after, price)) > AccountLimits.MaxValue)
        {
            return Refused(c, RejectReason.MaxPosition, AccountLimits.Message("the position"));
        }

        if (!reducing && frame.IsStale(risk.Group, _clock.GetUtcNow(), _options.MaxPriceAge))
        {
            return Refused(c, RejectReason.StalePrice, $"group prices older than {_options.MaxPriceAge}");
        }

        var r = book.Check(index, c.Side, qty, price);
        if (r.Accepted)
        {
            book.AddOrder(new RestingOrder(c.InstrumentId, c.Side, qty, price, c.ClientOrderId));
            Record.Orders.Add(new OrderRecord
            {
                ClientOrderId = c.ClientOrderId, InstrumentId = c.InstrumentId, Side = c.Side, Qty = c.Qty, Price = c.Price,
                ReservedAt = _clock.GetUtcNow(), ReduceOnly = c.ReduceOnly,
            });
        }

        return Decided(c, r, book.Figures());
    }

    private EngineReply Cancel(EngineCommand c)
    {
        var i = Record.FindOrder(c.ClientOrderId);
        if (i < 0)
        {
            return Acked(c, 0, known: false);
        }

        var order = Record.Orders[i];
        var remaining = c.Qty <= 0 || c.Qty >= order.Qty ? 0 : order.Qty - c.Qty;
        SetRemaining(i, remaining);
        MarkChanged();
        return Acked(c, remaining, known: true);
    }

    private EngineReply Amend(EngineCommand c)
    {
        var i = Record.FindOrder(c.ClientOrderId);
        if (i < 0)
        {
            return EngineReply.Fail(c, ErrorCode.UnknownOrder, $"client_order_id: {c.ClientOrderId} is not resting");
        }

        var old = Record.Orders[i];
        if (c.Qty <= old.Qty && c.Price == old.Price)
        {
            // Less of the same order only releases margin: always accepted.
            SetRemaining(i, c.Qty);
            MarkChanged();
            var book = Book();
            var figures = book?.Figures() ?? default;
            return Decided(c, new PreTradeResult { Decision = Decision.Accept, ImBefore = figures.Im }, figures);
        }

        if (Throttled(c with { ReduceOnly = old.ReduceOnly }) is { } throttled)
        {
            return throttled;
        }

        // Re-check the amended order as new; on reject the original order stays as it was.
        SetRemaining(i, 0);
        var amended = c with { InstrumentId = old.InstrumentId, Side = old.Side, ReduceOnly = old.ReduceOnly, ClientOrderId = old.ClientOrderId };
        var reply = Place(amended);
        if (reply.Decision == Decision.Reject)
        {
            Record.Orders.Insert(Math.Min(i, Record.Orders.Count), old);
            Book()?.AddOrder(new RestingOrder(old.InstrumentId, old.Side, (double)old.Qty, (double)old.Price, old.ClientOrderId));
        }

        MarkChanged();
        return reply;
    }

    /// <summary>Cancels every resting order (an account entering liquidation); returns their ids.</summary>
    public IReadOnlyList<string> CancelAll()
    {
        var ids = Record.Orders.Select(o => o.ClientOrderId).ToList();
        for (var i = Record.Orders.Count - 1; i >= 0; i--)
        {
            SetRemaining(i, 0);
        }

        if (ids.Count > 0)
        {
            MarkChanged();
        }

        return ids;
    }

    /// <summary>Sets a resting order's remaining quantity in the record and the book (0 removes it).</summary>
    private void SetRemaining(int recordIndex, decimal remaining)
    {
        var order = Record.Orders[recordIndex];
        if (Book() is { } book && book.FindOrder(order.ClientOrderId) is var k and >= 0)
        {
            book.SetOrderQty(k, (double)remaining);
        }

        if (remaining <= 0)
        {
            Record.Orders.RemoveAt(recordIndex);
        }
        else
        {
            order.Qty = remaining;
        }
    }

    // An order reduces risk in its instrument when it moves the holding towards zero without crossing it.
    private static bool Reduces(AccountBook book, InstrumentRisk risk, Side side, double qty)
    {
        var held = risk.Kind.IsCash() ? book.Balance(book.Model.Assets[risk.BaseAsset].Rule.Name) : book.PositionOf(risk.Spec.Id);
        return side == Side.Sell ? held > 0 && qty <= held : held < 0 && qty <= -held;
    }

    private static double PositionAfter(AccountBook book, InstrumentRisk risk, Side side, double qty)
    {
        var held = risk.Kind.IsCash() ? book.Balance(book.Model.Assets[risk.BaseAsset].Rule.Name) : book.PositionOf(risk.Spec.Id);
        return held + (side == Side.Buy ? qty : -qty);
    }

    /// <summary>USD notional: face value for coin-margined delta-one, underlying value for options, price × size otherwise.</summary>
    internal static double Notional(InstrumentRisk risk, double qty, double price) => risk.Kind switch
    {
        InstrumentKind.InversePerp or InstrumentKind.InverseFuture => qty * risk.Multiplier,
        _ when risk.Kind.IsOption() => qty * risk.Multiplier * risk.UnderlyingPrice,
        _ when risk.Kind.IsCash() => qty * risk.UnderlyingPrice,
        _ => qty * risk.Multiplier * price,
    };
}

using Grid.Abstractions.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Grid.Abstractions.Market;
using Grid.Grains.Market;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Grains.Accounts;

internal sealed partial class AccountProcessor
{
    private EngineReply Check(EngineCommand c)
    {
        var resting = _orders.Find(c.ClientOrderId);
        if (resting >= 0)
        {
            var o = Record.Orders[resting];
            var same = o.InstrumentId == c.InstrumentId && o.Side == c.Side && o.Price == c.Price;
            return same && _checks.TryGet(IdHash.Of(c.ClientOrderId), out var stored)
                ? Replayed(c, stored)
                : Refused(c, RejectReason.DuplicateOrderId, Book(), $"client_order_id: {c.ClientOrderId} is already resting with other terms");
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

        var reply = Place(c, c.Venue);
        _checks.Add(new CheckMemo(IdHash.Of(c.ClientOrderId), reply.Decision, reply.Reason, reply.Shortfall));
        if (reply.Decision != Decision.Reject)
        {
            // A reject changes nothing but the idempotency window, which rides along with the next write.
            MarkChanged();
        }

        return reply;
    }

    /// <summary>Decides the order on the live book; on accept it rests (for <paramref name="venue"/>) and its margin is reserved.</summary>
    private EngineReply Place(EngineCommand c, string venue)
    {
        var book = Book();
        if (Gate(c, book, out var terms, out var r) is { } refused)
        {
            return refused;
        }

        if (r.Accepted)
        {
            book!.AddOrder(new RestingOrder(c.InstrumentId, c.Side, terms.Qty, terms.Price, c.ClientOrderId));
            _orders.Add(new OrderRecord
            {
                ClientOrderId = c.ClientOrderId, InstrumentId = SharedIds.Share(c.InstrumentId), Side = c.Side, Qty = c.Qty, Price = c.Price,
                ReservedAt = _clock.GetUtcNow(), ReduceOnly = c.ReduceOnly, Venue = SharedIds.Share(venue),
            });
            Venues.Resting(venue);
        }

        return Decided(c, r, book!.Figures());
    }

    /// <summary>
    /// The one decision (<see cref="OrderGate"/>) for <paramref name="c"/> on <paramref name="book"/> (the live
    /// book, or a what-if copy), without changing it: a refusal reply when a gate refused it, else null and
    /// the margin test's <paramref name="result"/>. The instrument is resolved here: unlisted, or not priced
    /// (or the account itself cannot be margined), it is refused before the gates.
    /// </summary>
    private EngineReply? Gate(EngineCommand c, AccountBook? book, out OrderTerms terms, out PreTradeResult result)
    {
        terms = default;
        result = default;
        var frame = Frame;
        if (!frame.Instruments.TryGetValue(c.InstrumentId, out var info))
        {
            return Refused(c, RejectReason.UnknownInstrument, book, $"instrument_id: {c.InstrumentId} is not listed");
        }

        if (book is null || !frame.Model.TryGetInstrument(c.InstrumentId, out var index))
        {
            return Refused(c, RejectReason.NoPrice, book, frame.Unpriced.TryGetValue(c.InstrumentId, out var why) ? why : Unpriced ?? "no price");
        }

        terms = new OrderTerms(index, c.Side, (double)c.Qty, (double)c.Price, c.ReduceOnly);
        var limits = Limits(frame, info, index);
        result = OrderGate.Check(book, terms, limits, Controls);
        if (result.Decision != Decision.Reject || result.Reason.IsMarginTest())
        {
            return null;
        }

        var message = result.Reason switch
        {
            RejectReason.AccountFrozen => Record.FrozenReason,
            RejectReason.InstrumentHalted => info.HaltReason,
            _ => OrderGateText.Explain(result.Reason, book, terms, limits),
        };
        return Refused(c, result.Reason, book, message);
    }

    /// <summary>The instrument's limits and status as the gate's plain data (no allocation).</summary>
    private TradingLimits Limits(MarketFrame frame, InstrumentInfo info, int index) => new()
    {
        PriceBand = (double)info.Spec.PriceBand,
        MaxOrderNotional = (double)info.Spec.MaxOrderNotional,
        MaxPosition = (double)info.Spec.MaxPosition,
        Halted = info.Halted,
        StalePrice = _options.MaxPriceAge > TimeSpan.Zero && frame.IsStale(frame.Model.Instruments[index].Group, _clock.GetUtcNow(), _options.MaxPriceAge),
    };

    private EngineReply Cancel(EngineCommand c)
    {
        var i = _orders.Find(c.ClientOrderId);
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
        var i = _orders.Find(c.ClientOrderId);
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
            var figures = Book()?.Figures() ?? default;
            return Decided(c, new PreTradeResult { Decision = Decision.Accept, ImBefore = figures.Im }, figures);
        }

        if (Throttled(c with { ReduceOnly = old.ReduceOnly }) is { } throttled)
        {
            return throttled;
        }

        // Re-check the amended order as new; on reject the original order stays as it was.
        SetRemaining(i, 0);
        var amended = c with { InstrumentId = old.InstrumentId, Side = old.Side, ReduceOnly = old.ReduceOnly, ClientOrderId = old.ClientOrderId };
        var reply = Place(amended, old.Venue);
        if (reply.Decision == Decision.Reject)
        {
            _orders.Insert(Math.Min(i, Record.Orders.Count), old);
            Book()?.AddOrder(new RestingOrder(old.InstrumentId, old.Side, (double)old.Qty, (double)old.Price, old.ClientOrderId));
        }

        MarkChanged();
        return reply;
    }

    /// <summary>Cancels every resting order (liquidation, or an operator's freeze); returns their ids and venues.</summary>
    public PulledOrders CancelAll()
    {
        if (Record.Orders.Count == 0)
        {
            return PulledOrders.None;
        }

        var pulled = new PulledOrders([.. Record.Orders.Select(o => o.ClientOrderId)], [.. Record.Orders.Select(o => o.Venue)]);
        for (var i = Record.Orders.Count - 1; i >= 0; i--)
        {
            SetRemaining(i, 0);
        }

        MarkChanged();
        return pulled;
    }

    /// <summary>
    /// Pulls every resting order when the account stands in LIQUIDATE or BANKRUPT, whatever took it there
    /// (a price move, a fill, a withdrawal, a regime switch): its orders must go (pretrade.proto CancelInstruction).
    /// </summary>
    public PulledOrders PullIfLiquidating()
        => Record.Orders.Count > 0 && Figures() is { State: AccountState.Liquidate or AccountState.Bankrupt } ? CancelAll() : PulledOrders.None;

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
            _orders.RemoveAt(recordIndex);
        }
        else
        {
            // The same id string (RestingOrderIndex finds the order by it), the new quantity.
            _orders.Replace(recordIndex, order.WithQty(remaining));
        }
    }
}

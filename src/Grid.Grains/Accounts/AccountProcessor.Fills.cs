using Grid.Abstractions.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Grid.Risk.Instruments;
using Grid.Risk.Ledger;
using Grid.Risk.Market;

namespace Grid.Grains.Accounts;

internal sealed partial class AccountProcessor
{
    private EngineReply Fill(EngineCommand c)
    {
        if (_trades.TryGet(IdHash.Of(c.TradeId), out _))
        {
            var known = _orders.Find(c.ClientOrderId);
            return Acked(c, known >= 0 ? Record.Orders[known].Qty : 0, known >= 0, replayed: true);
        }

        var i = _orders.Find(c.ClientOrderId);
        var instrumentId = c.InstrumentId;
        var side = c.Side;
        if (i >= 0)
        {
            var order = Record.Orders[i];
            if (instrumentId.Length > 0 && instrumentId != order.InstrumentId || side != 0 && side != order.Side)
            {
                return EngineReply.Fail(c, ErrorCode.InvalidField, "filled.instrument_id: instrument_id/side differ from the resting order");
            }

            (instrumentId, side) = (order.InstrumentId, order.Side);
        }
        else if (instrumentId.Length == 0 || side == 0)
        {
            return EngineReply.Fail(c, ErrorCode.UnknownOrder, $"filled.client_order_id: {c.ClientOrderId} is not resting; give instrument_id and side to book the fill anyway");
        }

        var frame = Frame;
        if (!frame.Instruments.TryGetValue(instrumentId, out var info))
        {
            return EngineReply.Fail(c, ErrorCode.UnknownInstrument, $"filled.instrument_id: {instrumentId} is not listed");
        }

        var spec = frame.Model.TryGetInstrument(instrumentId, out var index) ? frame.Model.Instruments[index].Spec : info.Spec.ToRisk();
        if (BookFill(frame.Model, spec, new FillTerms(side, c.Qty, c.Price, c.Fee)) is { Refused: true } refused)
        {
            return EngineReply.Fail(c, ErrorCode.InvalidField, refused.ToString());
        }

        // pretrade.proto: a fill larger than the remaining quantity books in full and releases the reservation.
        var remaining = 0m;
        if (i >= 0)
        {
            remaining = Math.Max(0, Record.Orders[i].Qty - c.Qty);
            SetRemaining(i, remaining);
        }

        _trades.Add(IdHash.Of(c.TradeId));
        MarkChanged();
        return Acked(c, remaining, known: i >= 0);
    }

    /// <summary>
    /// <see cref="Booked"/> for a fill, spelled out: a fill is a third of the engine's messages, and the rule as a
    /// lambda costs a closure and a delegate each.
    /// </summary>
    private LedgerRefusal BookFill(RiskModel model, Instrument spec, in FillTerms fill)
    {
        try
        {
            return FillSettlement.Book(Record, Book(), model, spec, fill);
        }
        catch (RiskInputException)
        {
            Invalidate();
            return LedgerRefusal.None;
        }
    }

    /// <summary>
    /// Runs a ledger rule. The record is written before the book mirrors it, so when the book cannot
    /// take a value (an asset without a price) the record stays whole and the book is rebuilt from it.
    /// </summary>
    private LedgerRefusal Booked(Func<LedgerRefusal> rule)
    {
        try
        {
            return rule();
        }
        catch (RiskInputException)
        {
            Invalidate();
            return LedgerRefusal.None;
        }
    }
}

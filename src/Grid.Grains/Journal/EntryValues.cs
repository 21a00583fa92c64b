using Grid.Grains.Accounts;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Grains.Journal;

/// <summary>The stored items of an entry in format 1 (<see cref="EntryFormat"/>), each written and read field by field in the same order.</summary>
internal static class EntryValues
{
    public static void Write(EntryWriter w, OrderRecord order)
    {
        w.String(order.ClientOrderId);
        w.String(order.InstrumentId);
        w.Int((int)order.Side);
        w.Decimal(order.Qty);
        w.Decimal(order.Price);

        // The clock's ticks and the offset in minutes (an offset is whole minutes): the same instant and offset back.
        w.Int(order.ReservedAt.Ticks);
        w.Int((long)order.ReservedAt.Offset.TotalMinutes);
        w.Bool(order.ReduceOnly);
        w.String(order.Venue);
    }

    public static OrderRecord Order(ref EntryReader r) => new()
    {
        ClientOrderId = r.String()!,
        InstrumentId = r.String()!,
        Side = (Side)r.Int32(),
        Qty = r.Decimal(),
        Price = r.Decimal(),
        ReservedAt = new DateTimeOffset(r.Int(), TimeSpan.FromMinutes(r.Int())),
        ReduceOnly = r.Bool(),
        Venue = r.String()!,
    };

    public static void Write(EntryWriter w, CheckMemo memo)
    {
        w.Fixed64(memo.OrderIdHash);
        w.Int((int)memo.Decision);
        w.Int((int)memo.Reason);
        w.Decimal(memo.Shortfall);
    }

    public static CheckMemo Memo(ref EntryReader r) => new(r.Fixed64(), (Decision)r.Int32(), (RejectReason)r.Int32(), r.Decimal());

    public static void Write(EntryWriter w, ulong tradeHash) => w.Fixed64(tradeHash);

    public static void Write(EntryWriter w, RequestOutcome outcome)
    {
        w.String(outcome.RequestId);
        w.Bool(outcome.Accepted);
        w.Int((int)outcome.Reason);
        w.Decimal(outcome.Shortfall);
        w.Int((int)outcome.Kind);
        w.String(outcome.Subject);
        w.Decimal(outcome.Amount);
        w.Bool(outcome.Settle);
    }

    public static RequestOutcome Outcome(ref EntryReader r) => new(r.String()!, r.Bool(), (RejectReason)r.Int32(), r.Decimal())
    {
        Kind = (RequestKind)r.Int32(),
        Subject = r.String()!,
        Amount = r.Decimal(),
        Settle = r.Bool(),
    };

    public static void Write(EntryWriter w, PositionRecord position)
    {
        w.Decimal(position.Qty);
        w.Decimal(position.Entry);
        w.Decimal(position.Funding);
    }

    public static PositionRecord Position(ref EntryReader r) => new() { Qty = r.Decimal(), Entry = r.Decimal(), Funding = r.Decimal() };
}

using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Risk.Accounts;

namespace Grid.Grains.Accounts;

/// <summary>The processor's read-only decisions: what-if and max order size, through the same gate as a check.</summary>
internal sealed partial class AccountProcessor
{
    /// <summary>
    /// The largest size of (instrument, side, price) that passes the full decision now, to the 1e-6 grid
    /// (<see cref="Risk.Decisions.MaxOrderSize"/>): what a check of that size would be answered.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The instrument is not listed or has no price.</exception>
    /// <exception cref="InvalidOperationException">The account cannot be margined now.</exception>
    public decimal MaxOrderSize(string instrumentId, Side side, decimal price)
    {
        var frame = Frame;
        var book = RequireBook();
        if (!frame.Instruments.TryGetValue(instrumentId, out var info) || !frame.Model.TryGetInstrument(instrumentId, out var index))
        {
            throw new KeyNotFoundException($"instrument_id: {instrumentId} is not listed or has no price");
        }

        var units = Risk.Decisions.MaxOrderSize.Units(book, index, side, (double)price, Limits(frame, info, index), Controls);
        return units / Risk.Decisions.MaxOrderSize.UnitsPerContract;
    }

    /// <summary>
    /// Decides <paramref name="orders"/> in turn on a copy of the book, each accepted one resting before the
    /// next (Accounts.WhatIf); the live book and the record are untouched.
    /// </summary>
    public (IReadOnlyList<EngineReply> Decisions, AccountBook After) WhatIf(IReadOnlyList<OrderIntent> orders)
    {
        var book = RequireBook().Clone();
        var replies = new List<EngineReply>(orders.Count);
        foreach (var o in orders)
        {
            var c = new EngineCommand { Kind = CommandKind.Check, InstrumentId = o.InstrumentId, Side = o.Side, Qty = o.Qty, Price = o.Price, ReduceOnly = o.ReduceOnly };
            if (Gate(c, book, out var terms, out var r) is { } refused)
            {
                replies.Add(refused);
                continue;
            }

            if (r.Accepted)
            {
                book.AddOrder(new RestingOrder(o.InstrumentId, o.Side, terms.Qty, terms.Price));
            }

            replies.Add(Decided(c, r, book.Figures()));
        }

        return (replies, book);
    }

    /// <summary>The book, or why the account cannot be margined.</summary>
    public AccountBook RequireBook() => Book() ?? throw new InvalidOperationException($"account {AccountId} cannot be margined: {Unpriced}");
}

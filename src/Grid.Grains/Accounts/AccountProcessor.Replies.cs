using Grid.Abstractions.Engine;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Margin;

namespace Grid.Grains.Accounts;

/// <summary>The processor's replies: decisions with their figures, refusals and acknowledgements.</summary>
internal sealed partial class AccountProcessor
{
    /// <summary>
    /// A decision of the margin test (or an acceptance): IM′, AE′ and MM′ of the order; buying power left
    /// is the book's after an accepted order rests, and max(0, AE′ − IM′) for a rejected one.
    /// </summary>
    private static EngineReply Decided(EngineCommand c, PreTradeResult r, MarginFigures after) => new()
    {
        CorrelationId = c.CorrelationId,
        Kind = ReplyKind.Decision,
        Command = c.Kind,
        ClientOrderId = c.ClientOrderId,
        Decision = r.Decision,
        Reason = r.Reason,
        Shortfall = Money.Requirement(r.Shortfall),
        ImBefore = Money.Requirement(r.ImBefore),
        ImAfter = Money.Requirement(r.Accepted ? after.Im : r.Im),
        AvailableAfter = Money.Equity(r.Accepted ? after.Available : Math.Max(0, r.Ae - r.Im)),
        Equity = Money.Equity(r.Accepted ? after.Ae - after.OrderCosts : r.Ae),
        MmAfter = Money.Requirement(double.IsFinite(r.Mm) ? r.Mm : 0),
        State = after.State,
    };

    /// <summary>A retried check: the remembered outcome with the account's figures now.</summary>
    private EngineReply Replayed(EngineCommand c, CheckMemo memo)
        => Refused(c, memo.Reason, Book()) with { Decision = memo.Decision, Shortfall = memo.Shortfall, Replayed = true };

    /// <summary>A reject before the margin test, with the figures of <paramref name="book"/> as they stand.</summary>
    private static EngineReply Refused(EngineCommand c, RejectReason reason, AccountBook? book, string message = "")
    {
        var figures = book?.Figures();
        return new EngineReply
        {
            CorrelationId = c.CorrelationId,
            Kind = ReplyKind.Decision,
            Command = c.Kind,
            ClientOrderId = c.ClientOrderId,
            Decision = Decision.Reject,
            Reason = reason,
            ImBefore = figures is { } f ? Money.Requirement(f.Im) : 0,
            ImAfter = figures is { } g ? Money.Requirement(g.Im) : 0,
            AvailableAfter = figures is { } h ? Money.Equity(h.Available) : 0,
            Equity = figures is { } e ? Money.Equity(e.Ae - e.OrderCosts) : 0,
            State = figures?.State ?? AccountState.Ok,
            Message = message,
        };
    }

    private EngineReply Acked(EngineCommand c, decimal remaining, bool known, bool replayed = false)
    {
        var figures = Figures();
        return new EngineReply
        {
            CorrelationId = c.CorrelationId,
            Kind = ReplyKind.Ack,
            Command = c.Kind,
            ClientOrderId = c.ClientOrderId,
            TradeId = c.Kind == CommandKind.Funding ? c.FundingId : c.TradeId,
            RemainingQty = remaining,
            OrderKnown = known,
            Replayed = replayed,
            AvailableAfter = figures is { } f ? Money.Equity(f.Available) : 0,
            Equity = figures is { } e ? Money.Equity(e.Ae - e.OrderCosts) : 0,
            ImAfter = figures is { } g ? Money.Requirement(g.Im) : 0,
            State = figures?.State ?? AccountState.Ok,
            Message = Unpriced ?? "",
        };
    }
}

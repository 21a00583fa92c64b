using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Margin;
using Grid.Risk.Regimes;

namespace Grid.Grains.Accounts;

/// <summary>The account's reads: figures, what-if, comparisons and verification. None changes the record.</summary>
public sealed partial class AccountGrain
{
    public async ValueTask<BuyingPower> GetBuyingPower()
    {
        await _commit.Settled();
        return BuyingPowerNow();
    }

    public async ValueTask<MaxOrderSizeView> GetMaxOrderSize(string instrumentId, Side side, decimal price)
    {
        await _commit.Settled();
        var book = RequireBook();
        if (!book.Model.TryGetInstrument(instrumentId, out _))
        {
            throw new KeyNotFoundException($"instrument {instrumentId} is not listed or has no price");
        }

        var max = MaxOrderSize.Of(book, instrumentId, side, (double)price);
        var qty = max >= MaxOrderSize.Cap ? (decimal)MaxOrderSize.Cap : Math.Round((decimal)max, 6, MidpointRounding.ToZero);
        return new MaxOrderSizeView(qty, book.Model.Market.AsOf);
    }

    public async ValueTask<WhatIfResult> WhatIf(OrderIntent[] orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        await _commit.Settled();
        var book = RequireBook().Clone();
        var replies = new List<EngineReply>(orders.Length);
        foreach (var o in orders)
        {
            if (book.Model.TryGetInstrument(o.InstrumentId, out var index)
                && Math.Abs(AccountDesk.Notional(book.Model.Instruments[index], (double)o.Qty, (double)o.Price)) > AccountLimits.MaxValue)
            {
                // Not evaluated: its figures would leave the range the grid answers in.
                var now = book.Figures();
                replies.Add(new EngineReply
                {
                    Kind = ReplyKind.Decision, Command = CommandKind.Check, Decision = Decision.Reject, Reason = RejectReason.MaxOrderNotional,
                    ImBefore = Money.Requirement(now.Im), ImAfter = Money.Requirement(now.Im), AvailableAfter = Money.Equity(now.Available),
                    Equity = Money.Equity(now.Ae), State = now.State, Message = AccountLimits.Message("the order"),
                });
                continue;
            }

            var r = book.Check(o.InstrumentId, o.Side, (double)o.Qty, (double)o.Price);
            if (r.Accepted)
            {
                book.AddOrder(new RestingOrder(o.InstrumentId, o.Side, (double)o.Qty, (double)o.Price));
            }

            var f = book.Figures();
            replies.Add(new EngineReply
            {
                Kind = ReplyKind.Decision, Command = CommandKind.Check, Decision = r.Decision, Reason = r.Reason,
                Shortfall = Money.Requirement(r.Shortfall), ImBefore = Money.Requirement(r.ImBefore),
                ImAfter = Money.Requirement(r.Accepted ? f.Im : r.Im), AvailableAfter = Money.Equity(f.Available),
                Equity = Money.Equity(r.Ae), MmAfter = Money.Requirement(double.IsFinite(r.Mm) ? r.Mm : 0), State = f.State,
            });
        }

        return new WhatIfResult(replies, AccountProjection.BuyingPower(AccountId, _state.State, book, _clock.GetUtcNow()));
    }

    public async ValueTask<RegimeComparisonView> CompareRegimes()
    {
        await _commit.Settled();
        var book = RequireBook();
        return AccountProjection.Comparison(AccountId, SiloedMargin.Compare(book), book.Model.Market.AsOf);
    }

    public async ValueTask<PortfolioView> GetPortfolio()
    {
        await _commit.Settled();
        return AccountProjection.Portfolio(AccountId, _state.State, _desk.Book());
    }

    public async ValueTask<AccountSummary> GetSummary()
    {
        await _commit.Settled();
        return Summary();
    }

    public async ValueTask<AccountVerification> Verify()
    {
        await _commit.Settled();
        return _desk.Verify();
    }
}

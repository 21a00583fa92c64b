using Grid.Abstractions.Accounts;
using Grid.Risk.Accounts;
using Grid.Risk.Regimes;
using Grid.Risk.Supervision;

namespace Grid.Grains.Accounts;

/// <summary>
/// The account's reads: figures, what-if, comparisons and verification. None changes the record. An
/// account no deposit ever created answers NOT_FOUND (accounts.proto), except verification.
/// </summary>
public sealed partial class AccountGrain
{
    public async ValueTask<BuyingPower> GetBuyingPower()
    {
        await _commit.Settled();
        RequireAccount();
        return BuyingPowerNow();
    }

    public async ValueTask<MaxOrderSizeView> GetMaxOrderSize(string instrumentId, Side side, decimal price)
    {
        await _commit.Settled();
        RequireAccount();
        return new MaxOrderSizeView(_processor.MaxOrderSize(instrumentId, side, price), _processor.RequireBook().Model.Market.AsOf);
    }

    public async ValueTask<WhatIfResult> WhatIf(OrderIntent[] orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        await _commit.Settled();
        RequireAccount();
        var (decisions, after) = _processor.WhatIf(orders);
        return new WhatIfResult(decisions, AccountProjection.BuyingPower(AccountId, _state.State, after, _clock.GetUtcNow()));
    }

    public async ValueTask<RegimeComparisonView> CompareRegimes()
    {
        await _commit.Settled();
        RequireAccount();
        var book = _processor.RequireBook();
        return AccountProjection.Comparison(AccountId, SiloedMargin.Compare(book), book.Model.Market.AsOf) with
        {
            Dependency = CreditDependencyView.Of(CreditDependency.Of(book)),
        };
    }

    public async ValueTask<PortfolioView> GetPortfolio()
    {
        await _commit.Settled();
        RequireAccount();
        return AccountProjection.Portfolio(AccountId, _state.State, _processor.Book());
    }

    public async ValueTask<AccountSummary> GetSummary()
    {
        await _commit.Settled();
        return Summary();
    }

    public async ValueTask<AccountVerification> Verify()
    {
        await _commit.Settled();
        return _processor.Verify();
    }

    /// <summary>True once a change of the account was stored (the first deposit creates it).</summary>
    private bool Exists => _state.RecordExists || _state.State.Version > 0;

    /// <summary>NOT_FOUND (ERROR_CODE_UNKNOWN_ACCOUNT) for an account no deposit created: the gateway reads the "account_id" field.</summary>
    private void RequireAccount()
    {
        if (!Exists)
        {
            throw new KeyNotFoundException($"account_id: {AccountId} is not known to the grid (a deposit creates it)");
        }
    }
}

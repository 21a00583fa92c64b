using Grid.Abstractions.Engine;
using Grid.Risk.Accounts;
using Grid.Risk.Rulebooks;
using Orleans.Concurrency;

namespace Grid.Abstractions.Accounts;

/// <summary>
/// The single writer of one account: balances, positions, resting orders and their reservations.
/// Every check reads the silo-local market snapshot; no other grain is called on the check path.
/// Changes are durable before they are acknowledged.
/// </summary>
[Alias("grid.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies matching-engine commands in order and answers each (checks reserve on accept). The batch is
    /// passed without Orleans' defensive copy: neither the caller nor the grain writes to it after the call.
    /// </summary>
    [Alias("Execute")]
    ValueTask<EngineReply[]> Execute([Immutable] EngineCommand[] commands);

    /// <summary>The account's margin now.</summary>
    [Alias("GetBuyingPower")]
    ValueTask<BuyingPower> GetBuyingPower();

    /// <summary>
    /// Largest multiple of 1e-6 such that every size of (instrument, side, price) up to it passes the same
    /// decision a check gets (policy gates and margin test; Rulebook §4 item 25).
    /// </summary>
    [Alias("GetMaxOrderSize")]
    ValueTask<MaxOrderSizeView> GetMaxOrderSize(string instrumentId, Side side, decimal price);

    /// <summary>Evaluates orders cumulatively without reserving, each through the same decision as a check.</summary>
    [Alias("WhatIf")]
    ValueTask<WhatIfResult> WhatIf(OrderIntent[] orders);

    /// <summary>Siloed versus cross-margined requirement.</summary>
    [Alias("CompareRegimes")]
    ValueTask<RegimeComparisonView> CompareRegimes();

    /// <summary>Balances, positions and resting orders.</summary>
    [Alias("GetPortfolio")]
    ValueTask<PortfolioView> GetPortfolio();

    /// <summary>Credits a balance; idempotent on <paramref name="requestId"/>.</summary>
    [Alias("Deposit")]
    ValueTask<BalanceChange> Deposit(string requestId, string asset, decimal amount);

    /// <summary>Debits a balance if equity after still covers IM; idempotent on <paramref name="requestId"/>.</summary>
    [Alias("Withdraw")]
    ValueTask<BalanceChange> Withdraw(string requestId, string asset, decimal amount);

    /// <summary>
    /// Funding from an operator: adds <paramref name="accrue"/> to the unsettled funding of the position in
    /// <paramref name="instrumentId"/> and, with <paramref name="settle"/>, settles it all into the balance.
    /// Idempotent on <paramref name="fundingId"/> (the same key space as the engines' Funding messages).
    /// </summary>
    [Alias("ApplyFunding")]
    ValueTask<FundingResult> ApplyFunding(string fundingId, string instrumentId, decimal accrue, bool settle);

    /// <summary>
    /// Kill switch: a frozen account passes no new order (fills and cancels still book). With
    /// <paramref name="cancelResting"/> (freezing only) its resting orders are cancelled too, their margin
    /// released, and the engines holding them are told (a risk event carrying the order ids, cause
    /// <see cref="Risk.RiskEventData.FrozenCause"/>).
    /// </summary>
    [Alias("SetFrozen")]
    ValueTask<AccountSummary> SetFrozen(bool frozen, string reason, bool cancelResting);

    /// <summary>
    /// Switches between PM and STD; a no-op when already there. Unless <paramref name="force"/>, refuses
    /// (InvalidOperationException) a switch after which the account would not be OK, or could not be margined.
    /// </summary>
    [Alias("SetRegime")]
    ValueTask<AccountSummary> SetRegime(MarginRegime regime, bool force);

    /// <summary>Checks the live book against a full recompute from the stored record, and the record's invariants.</summary>
    [Alias("Verify")]
    ValueTask<AccountVerification> Verify();

    /// <summary>Headline figures.</summary>
    [Alias("GetSummary")]
    ValueTask<AccountSummary> GetSummary();

    /// <summary>
    /// Re-evaluates the account against the current market (the silo monitor saw it enter liquidation,
    /// or a failed-over account is being revived): a liquidating account's resting orders are cancelled.
    /// </summary>
    [OneWay, Alias("Reassess")]
    Task Reassess(string cause);

    /// <summary>
    /// A listing by venue found this account in the venue's index (Venues.IVenueAccountsGrain) without an order of
    /// <paramref name="venueId"/>: unless it holds one by now, the account leaves that index. Fire-and-forget.
    /// </summary>
    [OneWay, Alias("LeaveVenue")]
    Task LeaveVenue(string venueId);

    /// <summary>Starts pushing updates to <paramref name="observer"/> (re-subscribe within a minute to stay subscribed).</summary>
    [Alias("Watch")]
    ValueTask Watch(IAccountObserver observer);

    /// <summary>Stops pushing updates to <paramref name="observer"/>.</summary>
    [Alias("Unwatch")]
    ValueTask Unwatch(IAccountObserver observer);
}

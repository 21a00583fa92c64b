using Microsoft.Extensions.Logging;

namespace Grid.Grains;

/// <summary>Every log line of the grains, with fixed event ids. Nothing is logged on the accept path.</summary>
internal static partial class GrainsLog
{
    [LoggerMessage(EventId = 2001, EventName = "MarketSubscribeFailed", Level = LogLevel.Warning, Message = "Subscribing the market snapshot to the directory failed; will retry")]
    public static partial void MarketSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2002, EventName = "MarketUnsubscribeFailed", Level = LogLevel.Debug, Message = "Unsubscribing the market snapshot failed")]
    public static partial void MarketUnsubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2004, EventName = "FeedsNotStored", Level = LogLevel.Warning, Message = "Could not store the list of silo feeds; they are notified anyway and stored on renewal")]
    public static partial void FeedsNotStored(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2003, EventName = "MarketDirectoryWarmFailed", Level = LogLevel.Warning, Message = "Could not reload {Kind} {Id} into the market directory")]
    public static partial void MarketDirectoryWarmFailed(ILogger logger, string kind, string id, Exception exception);

    [LoggerMessage(EventId = 2101, EventName = "AccountWriteFailed", Level = LogLevel.Error, Message = "Account {AccountId}: storage write failed; {Pending} change(s) not acknowledged, reloading from storage")]
    public static partial void AccountWriteFailed(ILogger logger, string accountId, int pending, Exception exception);

    [LoggerMessage(EventId = 2106, EventName = "AccountActivated", Level = LogLevel.Debug, Message = "Account {AccountId} activated in {Milliseconds:0.0} ms: read {ReadMs:0.0} ms, announce {AnnounceMs:0.0} ms, registry report {ReportMs:0.0} ms")]
    public static partial void AccountActivated(ILogger logger, string accountId, double milliseconds, double readMs, double announceMs, double reportMs);

    [LoggerMessage(EventId = 2108, EventName = "ReportFailed", Level = LogLevel.Debug, Message = "The registry did not take a summary of account {AccountId}; its next report replaces it")]
    public static partial void ReportFailed(ILogger logger, string accountId, Exception exception);

    [LoggerMessage(EventId = 2107, EventName = "HubClaimFailed", Level = LogLevel.Warning, Message = "The risk-event hub did not take the monitoring claim of account {AccountId}; other silos may keep monitoring their replica of it")]
    public static partial void HubClaimFailed(ILogger logger, string accountId, Exception exception);

    [LoggerMessage(EventId = 2102, EventName = "AccountUnpriced", Level = LogLevel.Warning, Message = "Account {AccountId} cannot be margined: {Reason}")]
    public static partial void AccountUnpriced(ILogger logger, string accountId, string reason);

    [LoggerMessage(EventId = 2103, EventName = "AccountStateChanged", Level = LogLevel.Information, Message = "Account {AccountId}: {Previous} -> {State} (equity {Equity}, IM {Im}, MM {Mm})")]
    public static partial void AccountStateChanged(ILogger logger, string accountId, string previous, string state, decimal equity, decimal im, decimal mm);

    [LoggerMessage(EventId = 2104, EventName = "AccountOrdersCancelled", Level = LogLevel.Warning, Message = "Account {AccountId} ({Why}): cancelled {Count} resting order(s)")]
    public static partial void AccountOrdersCancelled(ILogger logger, string accountId, string why, int count);

    [LoggerMessage(EventId = 2301, EventName = "RiskFeedSubscribeFailed", Level = LogLevel.Warning, Message = "Subscribing the risk-event feed to the hub failed; will retry")]
    public static partial void RiskFeedSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2309, EventName = "RiskEventsNotDelivered", Level = LogLevel.Warning, Message = "{Count} risk event(s) did not reach another silo's feed ({Why})")]
    public static partial void RiskEventsNotDelivered(ILogger logger, int count, string why, Exception? exception);

    [LoggerMessage(EventId = 2302, EventName = "RiskSweep", Level = LogLevel.Debug, Message = "Re-margined {Evaluated} account(s) in {Milliseconds} ms: {Transitions} state change(s)")]
    public static partial void RiskSweep(ILogger logger, int evaluated, double milliseconds, int transitions);

    [LoggerMessage(EventId = 2303, EventName = "RiskSweepFailed", Level = LogLevel.Error, Message = "Re-margin sweep failed")]
    public static partial void RiskSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2304, EventName = "AccountsRevived", Level = LogLevel.Information, Message = "Silo {Silo} is dead: woke {Count} at-risk account(s) it monitored")]
    public static partial void AccountsRevived(ILogger logger, string silo, int count);

    [LoggerMessage(EventId = 2305, EventName = "ReviveFailed", Level = LogLevel.Warning, Message = "Waking the accounts of dead silo {Silo} failed (attempt {Attempt}); will retry")]
    public static partial void ReviveFailed(ILogger logger, string silo, int attempt, Exception exception);

    [LoggerMessage(EventId = 2307, EventName = "RiskFeedUnsubscribeFailed", Level = LogLevel.Debug, Message = "Unsubscribing the risk-event feed failed; it expires unrenewed")]
    public static partial void RiskFeedUnsubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2306, EventName = "ClaimFailed", Level = LogLevel.Warning, Message = "The registry did not store the monitoring claim of account {AccountId}; its next change claims again")]
    public static partial void ClaimFailed(ILogger logger, string accountId, Exception exception);

    [LoggerMessage(EventId = 2308, EventName = "RegistrySpread", Level = LogLevel.Information, Message = "Spread the single account registry of an earlier version ({Count} account(s)) into {Buckets} buckets, then cleared it")]
    public static partial void RegistrySpread(ILogger logger, int count, int buckets);

    [LoggerMessage(EventId = 2105, EventName = "VenueIndexFailed", Level = LogLevel.Warning, Message = "Account {AccountId}: could not {Change} the index of venue {VenueId}; retried with the next write (a join) or the next listing (a leave)")]
    public static partial void VenueIndexFailed(ILogger logger, string accountId, string change, string venueId, Exception exception);

    [LoggerMessage(EventId = 2201, EventName = "RulebookLoaded", Level = LogLevel.Information, Message = "Rulebook {Version} installed (revision {Revision})")]
    public static partial void RulebookLoaded(ILogger logger, string version, long revision);

    [LoggerMessage(EventId = 2202, EventName = "InstrumentHalted", Level = LogLevel.Information, Message = "Instrument {InstrumentId} halted={Halted}: {Reason}")]
    public static partial void InstrumentHalted(ILogger logger, string instrumentId, bool halted, string reason);

    [LoggerMessage(EventId = 2401, EventName = "HouseRun", Level = LogLevel.Information, Message = "House run ({Trigger}): {Accounts} account(s) over {Silos} silo(s) in {Milliseconds} ms, rulebook {Version}")]
    public static partial void HouseRun(ILogger logger, string trigger, long accounts, int silos, double milliseconds, string version);

    [LoggerMessage(EventId = 2402, EventName = "HouseRunFailed", Level = LogLevel.Warning, Message = "House run ({Trigger}) failed; the latest run is kept")]
    public static partial void HouseRunFailed(ILogger logger, string trigger, Exception exception);

    [LoggerMessage(EventId = 2403, EventName = "HouseNotStored", Level = LogLevel.Warning, Message = "Could not store the house results; they are served from memory until the next run")]
    public static partial void HouseNotStored(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2404, EventName = "HouseTickFailed", Level = LogLevel.Debug, Message = "The house schedule's tick failed; the next tick retries")]
    public static partial void HouseTickFailed(ILogger logger, Exception exception);
}

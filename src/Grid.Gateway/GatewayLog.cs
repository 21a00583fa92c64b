using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway;

/// <summary>
/// Every log line of the gateway, with fixed event ids. Nothing here runs per accepted message:
/// only stream lifecycles, failed grain calls and dropped replies are logged.
/// </summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Rpc} stream failed and was ended with UNAVAILABLE")]
    public static partial void StreamFailed(ILogger logger, string rpc, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Rpc} stream ended by the caller (cancelled or deadline)")]
    public static partial void StreamCancelled(ILogger logger, string rpc);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Account {AccountId} failed a batch of {Count} commands; answered UNAVAILABLE")]
    public static partial void BatchFailed(ILogger logger, string accountId, int count, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Account {AccountId} answered {Replies} replies to {Commands} commands; answered UNAVAILABLE")]
    public static partial void ReplyCountMismatch(ILogger logger, string accountId, int commands, int replies);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "A reply could not be queued because the stream is closing")]
    public static partial void ReplyDropped(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "The response writer stopped")]
    public static partial void WriterStopped(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "{Rpc} failed on a grain call and was answered {Code}")]
    public static partial void GrainCallFailed(ILogger logger, string rpc, Wire.ErrorCode code, Exception exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Renewing or ending the watch of account {AccountId} failed; a lost subscription lapses on its own within a minute")]
    public static partial void WatchRenewalFailed(ILogger logger, string accountId, Exception exception);

    // Event 9 (UnwatchFailed) is retired: AccountSubscription reports both failures as event 8.

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Publishing prices to {Grain} failed; its updates were rejected")]
    public static partial void PricePublishFailed(ILogger logger, string grain, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Margin.Simulate failed unexpectedly and was answered INTERNAL")]
    public static partial void SimulationFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "The Echo benchmark service is mapped: never run this in production")]
    public static partial void EchoMapped(ILogger logger);
}

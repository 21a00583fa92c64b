using Microsoft.Extensions.Logging;

namespace Grid.Console;

/// <summary>Every log line of the console, with fixed event ids. Nothing is logged per page view.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Console call {Call} failed on a grain call and was answered {Status}")]
    public static partial void CallFailed(ILogger logger, string call, int status, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Live account updates for {AccountId} stopped")]
    public static partial void AccountUpdatesStopped(ILogger logger, string accountId, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Renewing the console's watch of account {AccountId} failed; retrying at the next renewal")]
    public static partial void WatchRenewalFailed(ILogger logger, string accountId, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Unwatching account {AccountId} failed; the subscription expires on its own")]
    public static partial void UnwatchFailed(ILogger logger, string accountId, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Risk console mapped at {Path}")]
    public static partial void Mapped(ILogger logger, string path);
}

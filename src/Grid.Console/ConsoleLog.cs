using Microsoft.Extensions.Logging;

namespace Grid.Console;

/// <summary>Every log line of the console, with fixed event ids. Nothing is logged per page view.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Console call {Call} failed on a grain call and was answered {Status}")]
    public static partial void CallFailed(ILogger logger, string call, int status, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Live account updates for {AccountId} stopped")]
    public static partial void AccountUpdatesStopped(ILogger logger, string accountId, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Renewing or ending the console's watch of account {AccountId} failed; a lost subscription lapses on its own within a minute")]
    public static partial void WatchRenewalFailed(ILogger logger, string accountId, Exception exception);

    // Event 4 (UnwatchFailed) is retired: AccountSubscription reports both failures as event 3.

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Risk console mapped at {Path}")]
    public static partial void Mapped(ILogger logger, string path);
}

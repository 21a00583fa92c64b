using Microsoft.Extensions.Logging;

namespace Grid.Grains.Accounts;

/// <summary>
/// A call an account sends without waiting for it (no reply depends on it): its failure is logged, never
/// left unobserved.
/// </summary>
internal static class Unawaited
{
    /// <summary>Logs <paramref name="call"/>'s failure with <paramref name="log"/>, naming <paramref name="accountId"/>.</summary>
    public static void Observe(Task call, ILogger logger, string accountId, Action<ILogger, string, Exception> log)
        => call.ContinueWith(
            static (task, state) =>
            {
                var (logger, accountId, log) = ((ILogger, string, Action<ILogger, string, Exception>))state!;
                log(logger, accountId, task.Exception!.GetBaseException());
            },
            (logger, accountId, log),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}

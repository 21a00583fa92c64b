using Grid.Abstractions.Accounts;
using Grid.Abstractions.Risk;
using Grid.Risk.Accounts;

namespace Grid.Gateway.Monitoring;

/// <summary>
/// The opening of a RiskEvents stream: one event per account whose current state (as the account registry
/// holds it) matches the filter, previous state = state, cause "snapshot", read page by page.
/// </summary>
internal static class RiskEventSnapshot
{
    /// <summary>The cause of a snapshot event.</summary>
    public const string Cause = "snapshot";

    private const int PageSize = 1_000;

    // A grain call of the snapshot that fails (a silo just died and its grains are not yet placed
    // elsewhere) is retried this often, this far apart, before the stream ends UNAVAILABLE.
    private const int Attempts = 40;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Sends the snapshot lines of <paramref name="states"/> (all when empty) to <paramref name="stream"/>, but
    /// none for an account with a live state change waiting in <paramref name="live"/>: that event, newer than
    /// the registry's copy, reports the account (with its own previous state) once the snapshot is sent.
    /// </summary>
    public static async Task Send(IGrainFactory grains, RiskEventStream stream, RiskEventQueue live, AccountState[] states, bool positions, CancellationToken cancellation)
    {
        var registry = grains.GetGrain<IAccountRegistryGrain>(Admin.AdminService.RegistryKey);
        var token = "";
        do
        {
            cancellation.ThrowIfCancellationRequested();
            var after = token;
            var page = await Retried(() => registry.List(states, PageSize, after), cancellation);
            foreach (var summary in page.Accounts)
            {
                cancellation.ThrowIfCancellationRequested();
                if (!stream.Shows(summary.AccountId, summary.State) || live.HoldsChange(summary.AccountId))
                {
                    continue;
                }

                var account = grains.GetGrain<IAccountGrain>(summary.AccountId);
                var held = positions ? (await Retried(() => account.GetPortfolio().AsTask(), cancellation)).Positions : [];
                await stream.Snapshot(Event(summary, held), cancellation);
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);
    }

    private static async Task<T> Retried<T>(Func<Task<T>> call, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Grain calls do not observe the call's token: the handler stops waiting at once when the subscriber
                // leaves (the read-only call finishes on its own). A handler that outlives its reset stream counts
                // against the connection, and Kestrel refuses a client that leaves many such behind (ENHANCE_YOUR_CALM).
                return await call().WaitAsync(cancellation);
            }
            catch (Exception) when (!cancellation.IsCancellationRequested && attempt < Attempts)
            {
                await Task.Delay(RetryDelay, cancellation);
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested)
            {
                throw new Grpc.Core.RpcException(new Grpc.Core.Status(
                    Grpc.Core.StatusCode.Unavailable, "the account registry did not answer the opening snapshot; resubscribe", e));
            }
        }
    }

    /// <summary>The snapshot event of an account; the shortfall is IM − AE when positive (the registry keeps no order costs).</summary>
    internal static RiskEventData Event(AccountSummary summary, IReadOnlyList<PositionLine> positions) => new()
    {
        At = summary.At,
        AccountId = summary.AccountId,
        PreviousState = summary.State,
        State = summary.State,
        Equity = summary.Equity,
        InitialMargin = summary.InitialMargin,
        MaintenanceMargin = summary.MaintenanceMargin,
        Shortfall = Math.Max(0, summary.InitialMargin - summary.Equity),
        Positions = positions,
        LiquidationCandidate = summary.State is AccountState.Liquidate or AccountState.Bankrupt,
        Cause = Cause,
    };
}

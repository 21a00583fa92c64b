using Grid.Abstractions.Accounts;
using Grid.Gateway.Faults;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Accounts;

/// <summary>
/// One Accounts.Watch call: subscribes an <see cref="AccountFeed"/> to the account grain, sends the
/// current figures, then every newer snapshot, renewing the subscription well inside the grain's
/// one-minute expiry. On cancellation it unsubscribes and deletes the observer reference. Runs on
/// the call's own task only, so the response stream has a single writer.
/// </summary>
internal sealed class AccountWatch(IGrainFactory grains, TimeProvider clock, ILogger logger)
{
    /// <summary>How often the subscription is renewed; the grain forgets observers after a minute.</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan UnwatchTimeout = TimeSpan.FromSeconds(5);

    private ulong _sequence;
    private long _version = -1;
    private DateTimeOffset _asOf;

    public async Task Run(string accountId, IServerStreamWriter<Wire.AccountUpdate> responses, CancellationToken cancellationToken)
    {
        var account = grains.GetGrain<IAccountGrain>(accountId);
        var feed = new AccountFeed();
        var observer = grains.CreateObjectReference<IAccountObserver>(feed);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = Task.CompletedTask;
        try
        {
            // Subscribe before reading the snapshot so no change between the two is missed.
            await account.Watch(observer);
            renewing = Renew(account, observer, accountId, stop.Token);
            await Send(responses, await account.GetBuyingPower(), "snapshot", stop.Token);
            await foreach (var update in feed.Updates.ReadAllAsync(stop.Token))
            {
                await Send(responses, update, "update", stop.Token);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The watcher went away or its deadline passed: a normal end.
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw WireErrors.ToRpcException(GrainFaults.Classify(e, Wire.ErrorCode.UnknownAccount));
        }
        finally
        {
            await stop.CancelAsync();
            await renewing;
            await Unwatch(account, observer, accountId);
            grains.DeleteObjectReference<IAccountObserver>(observer);

            // The runtime holds observer objects weakly; the feed must live until the reference is gone.
            GC.KeepAlive(feed);
        }
    }

    /// <summary>
    /// Sends a snapshot unless an equal or newer version was already sent (the first snapshot can
    /// overtake a queued update). Versions are the account's change numbers; a gap means coalescing.
    /// </summary>
    private async Task Send(IServerStreamWriter<Wire.AccountUpdate> responses, BuyingPower figures, string cause, CancellationToken token)
    {
        // Older than what was sent (a snapshot overtaken by an update) is dropped; a price move keeps the
        // record version but is newer in time, so it goes out.
        if (figures.Version < _version || (figures.Version == _version && figures.AsOf <= _asOf))
        {
            return;
        }

        (_version, _asOf) = (figures.Version, figures.AsOf);
        await responses.WriteAsync(new Wire.AccountUpdate { Sequence = ++_sequence, BuyingPower = BuyingPowerViews.ToWire(figures), Cause = cause }, token);
    }

    private async Task Renew(IAccountGrain account, IAccountObserver observer, string accountId, CancellationToken token)
    {
        using var timer = new PeriodicTimer(Renewal, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(token))
            {
                try
                {
                    await account.Watch(observer);
                }
                catch (Exception e)
                {
                    if (!token.IsCancellationRequested)
                    {
                        GatewayLog.WatchRenewalFailed(logger, accountId, e);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Renewal ends with the call.
        }
    }

    private async Task Unwatch(IAccountGrain account, IAccountObserver observer, string accountId)
    {
        try
        {
            // Bounded: a silo that is down must not hold the call open; the subscription expires anyway.
            await account.Unwatch(observer).AsTask().WaitAsync(UnwatchTimeout, clock);
        }
        catch (Exception e)
        {
            GatewayLog.UnwatchFailed(logger, accountId, e);
        }
    }
}

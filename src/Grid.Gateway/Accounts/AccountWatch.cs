using Grid.Abstractions.Accounts;
using Grid.Gateway.Faults;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Accounts;

/// <summary>
/// One Accounts.Watch call: subscribes to the account grain (<see cref="AccountSubscription"/>), sends
/// the current figures, then every newer snapshot. Runs on the call's own task only, so the response
/// stream has a single writer.
/// </summary>
internal sealed class AccountWatch(IGrainFactory grains, TimeProvider clock, ILogger logger)
{
    private ulong _sequence;

    public async Task Run(string accountId, IServerStreamWriter<Wire.AccountUpdate> responses, CancellationToken cancellationToken)
    {
        AccountSubscription? subscription = null;
        try
        {
            subscription = await AccountSubscription.StartAsync(grains, accountId, clock, e => GatewayLog.WatchRenewalFailed(logger, accountId, e));
            await Send(subscription, responses, await subscription.Account.GetBuyingPower(), "snapshot", cancellationToken);
            await foreach (var update in subscription.Updates.ReadAllAsync(cancellationToken))
            {
                await Send(subscription, responses, update, "update", cancellationToken);
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
            if (subscription is not null)
            {
                await subscription.DisposeAsync();
            }
        }
    }

    /// <summary>Sends a snapshot newer than every one sent; versions are the account's change numbers, a gap means coalescing.</summary>
    private async Task Send(AccountSubscription subscription, IServerStreamWriter<Wire.AccountUpdate> responses, BuyingPower figures, string cause, CancellationToken token)
    {
        if (subscription.Newer(figures))
        {
            await responses.WriteAsync(new Wire.AccountUpdate { Sequence = ++_sequence, BuyingPower = BuyingPowerMessages.ToWire(figures), Cause = cause }, token);
        }
    }
}

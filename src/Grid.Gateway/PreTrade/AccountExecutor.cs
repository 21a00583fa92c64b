using System.Runtime.CompilerServices;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Microsoft.Extensions.Options;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// The executor of PreTrade batches (<see cref="AccountLanes"/>, unary checks): the account's activation on
/// this silo when it has opened itself to the gateway (<see cref="LocalAccounts"/>: a turn of the grain without
/// Orleans messaging), else the grain call. A batch the activation declines (it is deactivating) was not
/// applied and goes by grain call, which Orleans routes to whichever activation serves the account next; the
/// lane awaits one path after the other, so an account's batches keep their order across both.
/// </summary>
internal sealed class AccountExecutor(AccountGrainReferences grains, LocalAccounts local, IOptions<GatewayOptions> options)
{
    private readonly bool _localTurns = options.Value.LocalTurns;

    /// <summary>Applies one batch of <paramref name="accountId"/> and answers each command, in order.</summary>
    public ValueTask<EngineReply[]> Execute(string accountId, EngineCommand[] batch)
        => _localTurns && local.TryFind(accountId, out var account)
            ? ExecuteLocal(account, accountId, batch)
            : grains.Of(accountId).Execute(batch);

    // Pooled: the lane awaits it once, so its state machine goes back to the runtime's pool instead of being
    // allocated for every batch (a local turn always completes asynchronously).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<EngineReply[]> ExecuteLocal(ILocalAccount account, string accountId, EngineCommand[] batch)
    {
        if (await account.Execute(batch) is { } replies)
        {
            return replies;
        }

        local.CountFellBack();
        return await grains.Of(accountId).Execute(batch);
    }
}

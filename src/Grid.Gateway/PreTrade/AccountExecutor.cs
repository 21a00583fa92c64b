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
/// <remarks>
/// The caller's buffers (<see cref="ApplyBatch"/>) go to the local turn as they are: the turn always answers,
/// and the activation is done with them when it does. A grain call gets copies: a call that times out may
/// still be running in the grain while the caller's lane reuses its buffers for the next batch.
/// </remarks>
internal sealed class AccountExecutor(AccountGrainReferences grains, LocalAccounts local, IOptions<GatewayOptions> options)
{
    private readonly bool _localTurns = options.Value.LocalTurns;

    /// <summary>Applies one batch of <paramref name="accountId"/> and writes each command's reply, in order, into <paramref name="replies"/>.</summary>
    public ValueTask Execute(string accountId, ReadOnlyMemory<EngineCommand> batch, Memory<EngineReply> replies)
        => _localTurns && local.TryFind(accountId, out var account)
            ? LocalExecution.Start(this, account, accountId, batch, replies)
            : Call(accountId, batch, replies);

    /// <summary>A batch the activation declined goes by grain call (<see cref="LocalExecution"/>).</summary>
    internal void CountFellBack() => local.CountFellBack();

    /// <summary>The grain call, on a copy of the batch; its answer is copied into <paramref name="replies"/> only when it answers every command.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    internal async ValueTask Call(string accountId, ReadOnlyMemory<EngineCommand> batch, Memory<EngineReply> replies)
    {
        var answered = await grains.Of(accountId).Execute(batch.ToArray());
        if (answered is not null && answered.Length == replies.Length)
        {
            answered.CopyTo(replies);
        }
    }
}

using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Gateway.PreTrade;
using Grid.Gateway.Tests.Fakes;
using Microsoft.Extensions.Options;
using Xunit;

namespace Grid.Gateway.Tests.PreTrade;

/// <summary>The PreTrade executor: a local activation's turn when the account has one open, else the grain call.</summary>
public sealed class AccountExecutorTests
{
    private readonly List<string> _grainCalls = [];
    private readonly LocalAccounts _local = new();

    private AccountExecutor Executor(bool localTurns = true) => new(
        new AccountGrainReferences(FakeGrains.Create((_, key, _, args) =>
        {
            _grainCalls.Add(key);
            return new ValueTask<EngineReply[]>([.. ((EngineCommand[])args![0]!).Select(c => Reply(c, "grain"))]);
        })),
        _local,
        Options.Create(new GatewayOptions { LocalTurns = localTurns }));

    [Fact]
    public async Task Execute_NoLocalActivation_CallsTheGrain()
    {
        var replies = await Execute(Executor(), new EngineCommand { CorrelationId = 1 });
        Assert.Equal("grain", Assert.Single(replies).Message);
        Assert.Equal(["acct-1"], _grainCalls);
    }

    [Fact]
    public async Task Execute_OpenLocalActivation_RunsThereWithoutAGrainCall()
    {
        var activation = new Activation(decline: false);
        _local.Open("acct-1", activation);
        var replies = await Execute(Executor(), new EngineCommand { CorrelationId = 1 }, new EngineCommand { CorrelationId = 2 });
        Assert.Equal(["local", "local"], replies.Select(r => r.Message));
        Assert.Equal([1ul, 2ul], replies.Select(r => r.CorrelationId));
        Assert.Empty(_grainCalls);
        Assert.Equal(1, activation.Batches);
    }

    [Fact]
    public async Task Execute_ActivationDeclines_FallsBackToTheGrainCallOnce()
    {
        // A closing activation applied nothing: the batch goes by grain call, exactly once, and is counted.
        _local.Open("acct-1", new Activation(decline: true));
        var replies = await Execute(Executor(), new EngineCommand { CorrelationId = 7 });
        Assert.Equal("grain", Assert.Single(replies).Message);
        Assert.Equal(["acct-1"], _grainCalls);
        Assert.Equal(1, _local.FellBack);
    }

    [Fact]
    public async Task Execute_LocalTurnsOff_AlwaysCallsTheGrain()
    {
        var activation = new Activation(decline: false);
        _local.Open("acct-1", activation);
        await Execute(Executor(localTurns: false), new EngineCommand { CorrelationId = 1 });
        Assert.Equal(["acct-1"], _grainCalls);
        Assert.Equal(0, activation.Batches);
    }

    [Fact]
    public async Task Execute_ActivationFails_TheFailureReachesTheCaller()
    {
        // As a failed grain call does: the lane answers the batch UNAVAILABLE (AccountLanesTests).
        _local.Open("acct-1", new Activation(decline: false, fail: true));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Execute(Executor(), new EngineCommand { CorrelationId = 1 }));
        Assert.Empty(_grainCalls);
    }

    [Fact]
    public void Close_AnOlderEntry_LeavesTheNewerOne()
    {
        var older = new Activation(decline: false);
        var newer = new Activation(decline: false);
        _local.Open("acct-1", older);
        _local.Open("acct-1", newer);
        _local.Close("acct-1", older);
        Assert.True(_local.TryFind("acct-1", out var found));
        Assert.Same(newer, found);
        _local.Close("acct-1", newer);
        Assert.False(_local.TryFind("acct-1", out _));
    }

    private static EngineReply Reply(EngineCommand c, string by) => new() { CorrelationId = c.CorrelationId, Kind = ReplyKind.Ack, Message = by };

    // The lane's way of calling: its own buffers, the replies written into them.
    private static async Task<EngineReply[]> Execute(AccountExecutor executor, params EngineCommand[] batch)
    {
        var replies = new EngineReply[batch.Length];
        await executor.Execute("acct-1", batch, replies);
        return replies;
    }

    /// <summary>A local activation that answers on the thread pool, declines (closing), or fails.</summary>
    private sealed class Activation(bool decline, bool fail = false) : ILocalAccount
    {
        public int Batches { get; private set; }

        public async ValueTask<bool> Execute(ReadOnlyMemory<EngineCommand> commands, Memory<EngineReply> replies)
        {
            await Task.Yield();
            if (fail)
            {
                throw new InvalidOperationException("the turn failed");
            }

            if (decline)
            {
                return false;
            }

            Batches++;
            for (var i = 0; i < commands.Length; i++)
            {
                replies.Span[i] = Reply(commands.Span[i], "local");
            }

            return true;
        }
    }
}

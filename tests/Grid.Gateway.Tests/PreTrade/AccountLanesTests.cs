using Grid.Abstractions.Engine;
using Grid.Gateway.PreTrade;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using static Grid.Gateway.Tests.Fakes.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;

namespace Grid.Gateway.Tests.PreTrade;

/// <summary>
/// The lanes under a fake executor. Tests wait on gates (TaskCompletionSource), never on time; the
/// timeouts only turn a hang into a failure.
/// </summary>
public sealed class AccountLanesTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<(string Account, ulong Id, EngineReply Reply)> _delivered = [];
    private readonly List<(string Account, ulong[] Ids)> _batches = [];

    [Fact]
    public async Task Enqueue_OneAccount_KeepsArrivalOrderAndBatchesWhatQueuedMeanwhile()
    {
        var firstCalled = Gate();
        var release = Gate();
        var lanes = Lanes(maxInFlight: 100, maxBatch: 4, async (account, batch) =>
        {
            Record(account, batch);
            if (batch[0].CorrelationId == 1)
            {
                firstCalled.TrySetResult();
                await release.Task;
            }

            return Accept(batch);
        });

        Assert.True(lanes.TryEnqueue("A", Command(1)));
        await firstCalled.Task.WaitAsync(Hang);
        for (ulong id = 2; id <= 10; id++)
        {
            Assert.True(lanes.TryEnqueue("A", Command(id)));
        }

        release.SetResult();
        await lanes.Complete().WaitAsync(Hang);

        ulong[][] batches = [[1], [2, 3, 4, 5], [6, 7, 8, 9], [10]];
        Assert.Equal(batches, Batches().Select(b => b.Ids).ToArray());
        Assert.Equal(new ulong[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, Delivered().Select(d => d.Id).ToArray());
        Assert.Equal(0, lanes.InFlight);
    }

    [Fact]
    public async Task Enqueue_TwoAccounts_RunConcurrently()
    {
        var releaseA = Gate();
        var bDelivered = Gate();
        var lanes = new AccountLanes(
            10,
            8,
            Arrays(async (account, batch) =>
            {
                if (account == "A")
                {
                    await releaseA.Task;
                }

                return Accept(batch);
            }),
            (account, command, reply) =>
            {
                Deliver(account, command, reply);
                if (account == "B")
                {
                    bDelivered.TrySetResult();
                }

                return ValueTask.CompletedTask;
            },
            NullLogger.Instance);

        Assert.True(lanes.TryEnqueue("A", Command(1)));
        Assert.True(lanes.TryEnqueue("B", Command(2)));

        // B is answered while A's grain call is still running.
        await bDelivered.Task.WaitAsync(Hang);
        Assert.DoesNotContain(Delivered(), d => d.Account == "A");

        releaseA.SetResult();
        await lanes.Complete().WaitAsync(Hang);
        Assert.Equal(2, Delivered().Count);
    }

    [Fact]
    public async Task TryEnqueue_WindowFull_RefusesAtOnce_AndTakesCommandsAgainOnceAReplyIsDelivered()
    {
        var release = Gate();
        var lanes = Lanes(maxInFlight: 2, maxBatch: 8, async (account, batch) =>
        {
            await release.Task;
            return Accept(batch);
        });

        Assert.True(lanes.TryEnqueue("A", Command(1)));
        Assert.True(lanes.TryEnqueue("B", Command(2)));
        Assert.False(lanes.TryEnqueue("C", Command(3)));
        Assert.False(lanes.TryEnqueue("A", Command(4)));
        Assert.Equal(2, lanes.InFlight);

        release.SetResult();
        await WaitUntil(() => lanes.InFlight == 0);
        Assert.True(lanes.TryEnqueue("C", Command(5)));
        await lanes.Complete().WaitAsync(Hang);
        Assert.Equal(new ulong[] { 1, 2, 5 }, Delivered().Select(d => d.Id).Order().ToArray());
    }

    [Fact]
    public async Task Execute_Throws_AnswersEveryCommandOfTheBatchUnavailable_AndTheLaneGoesOn()
    {
        var firstCalled = Gate();
        var release = Gate();
        var calls = 0;
        var lanes = Lanes(maxInFlight: 10, maxBatch: 10, async (account, batch) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                firstCalled.TrySetResult();
                await release.Task;
                throw new TimeoutException("silo gone");
            }

            return Accept(batch);
        });

        Assert.True(lanes.TryEnqueue("A", Command(1)));
        await firstCalled.Task.WaitAsync(Hang);
        Assert.True(lanes.TryEnqueue("A", Command(2)));
        release.SetResult();
        await lanes.Complete().WaitAsync(Hang);

        var delivered = Delivered();
        Assert.Equal(new ulong[] { 1, 2 }, delivered.Select(d => d.Id).ToArray());
        Assert.Equal(ReplyKind.Error, delivered[0].Reply.Kind);
        Assert.Equal(ErrorCode.Unavailable, delivered[0].Reply.Error);
        Assert.Equal(1ul, delivered[0].Reply.CorrelationId);
        Assert.Equal(ReplyKind.Decision, delivered[1].Reply.Kind);
    }

    [Fact]
    public async Task Execute_AnswersTooFewReplies_AnswersUnavailable()
    {
        var lanes = Lanes(maxInFlight: 10, maxBatch: 10, (account, batch) => ValueTask.FromResult(Array.Empty<EngineReply>()));

        Assert.True(lanes.TryEnqueue("A", Command(1)));
        await lanes.Complete().WaitAsync(Hang);

        Assert.Equal(ErrorCode.Unavailable, Assert.Single(Delivered()).Reply.Error);
    }

    [Fact]
    public async Task Deliver_Throws_StillReleasesTheSlot()
    {
        var lanes = new AccountLanes(
            1,
            1,
            Arrays((account, batch) => ValueTask.FromResult(Accept(batch))),
            (account, command, reply) => throw new InvalidOperationException("writer closed"),
            NullLogger.Instance);

        Assert.True(lanes.TryEnqueue("A", Command(1)));
        await WaitUntil(() => lanes.InFlight == 0);
        Assert.True(lanes.TryEnqueue("A", Command(2)));
        await lanes.Complete().WaitAsync(Hang);

        Assert.Equal(0, lanes.InFlight);
    }

    [Fact]
    public async Task Complete_WaitsForQueuedCommands()
    {
        var release = Gate();
        var lanes = Lanes(maxInFlight: 10, maxBatch: 10, async (account, batch) =>
        {
            await release.Task;
            return Accept(batch);
        });
        Assert.True(lanes.TryEnqueue("A", Command(1)));

        var completed = lanes.Complete();

        Assert.False(completed.IsCompleted);
        release.SetResult();
        await completed.WaitAsync(Hang);
        Assert.Single(Delivered());
        Assert.Throws<InvalidOperationException>(() => lanes.TryEnqueue("A", Command(2)));
    }

    [Fact]
    public async Task Complete_Idle_CompletesAtOnce()
    {
        var lanes = Lanes(maxInFlight: 1, maxBatch: 1, (account, batch) => ValueTask.FromResult(Accept(batch)));

        await lanes.Complete().WaitAsync(Hang);
    }

    private static TaskCompletionSource Gate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The slot is released after the reply is handed over, on the lane's task: poll, bounded by Hang.
    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Hang;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }

    private AccountLanes Lanes(int maxInFlight, int maxBatch, Func<string, EngineCommand[], ValueTask<EngineReply[]>> execute)
        => new(maxInFlight, maxBatch, Arrays(execute), (account, command, reply) =>
        {
            Deliver(account, command, reply);
            return ValueTask.CompletedTask;
        }, NullLogger.Instance);

    private void Record(string account, EngineCommand[] batch)
    {
        lock (_gate)
        {
            _batches.Add((account, [.. batch.Select(c => c.CorrelationId)]));
        }
    }

    private void Deliver(string account, EngineCommand command, EngineReply reply)
    {
        lock (_gate)
        {
            _delivered.Add((account, command.CorrelationId, reply));
        }
    }

    private List<(string Account, ulong[] Ids)> Batches()
    {
        lock (_gate)
        {
            return [.. _batches];
        }
    }

    private List<(string Account, ulong Id, EngineReply Reply)> Delivered()
    {
        lock (_gate)
        {
            return [.. _delivered];
        }
    }
}

using System.Diagnostics;
using System.Threading.Tasks.Sources;
using Grid.Abstractions.Engine;
using Grid.Gateway.PreTrade;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Grid.Gateway.Tests.PreTrade;

/// <summary>Runs alone: it reads the process's allocated bytes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "allocation, alone";
}

/// <summary>
/// A lane that parks and is woken costs no state machine: its loop is allocated once per lane, not once per start
/// (docs/performance.md). Waves of one command to each of 32 accounts; the executor answers asynchronously through
/// reusable completions (no allocation of its own), so each start suspends the lane's loop exactly where a
/// per-start drain would box its state machine (≥ 100 B). Driven without tasks or closures; waits are bounded by
/// deadlines and never decide the outcome.
/// </summary>
[Collection(AllocationCollection.Name)]
public sealed class AccountLanesAllocationTests
{
    private const int Accounts = 32;
    private const int Waves = 150;

    [Fact]
    public async Task LaneStart_AfterWarmUp_AllocatesNoStateMachine()
    {
        var held = new HeldBatches(Accounts);
        var delivered = 0;
        var lanes = new AccountLanes(
            256,
            8,
            held.Apply,
            (_, _, _) =>
            {
                Interlocked.Increment(ref delivered);
                return ValueTask.CompletedTask;
            },
            NullLogger.Instance);
        var names = new string[Accounts];
        for (var a = 0; a < Accounts; a++)
        {
            names[a] = $"acct-{a}";
        }

        ulong id = 0;
        Func<bool> reachedExecutor = () => held.Pending == Accounts;
        Func<bool> answeredAndParked = () => Volatile.Read(ref delivered) == (int)id && lanes.Parked == Accounts;
        void Run(int waves)
        {
            for (var w = 0; w < waves; w++)
            {
                for (var a = 0; a < Accounts; a++)
                {
                    Assert.True(lanes.TryEnqueue(names[a], new EngineCommand { CorrelationId = ++id, Kind = CommandKind.Cancel, ClientOrderId = "o" }));
                }

                WaitUntil(reachedExecutor, "every lane's batch reached the executor");
                held.ReleaseAll();
                WaitUntil(answeredAndParked, "every reply delivered and every lane parked");
            }
        }

        Run(20);
        var perStart = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            Run(Waves);
            perStart.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / (double)(Waves * Accounts));
        }

        // Lower than any state machine box; the least of three rounds, so a stray allocation elsewhere in the
        // process cannot fail it, while a box per start (every round) does.
        Assert.True(perStart.Min() < 40, $"bytes allocated per lane start: {string.Join(", ", perStart.Select(b => b.ToString("F1")))}");
        await lanes.Complete().WaitAsync(TimeSpan.FromSeconds(30));
    }

    // Polls without allocating (the caller makes its delegates once); 30 s turns a hang into a failure.
    private static void WaitUntil(Func<bool> done, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while (!done())
        {
            Assert.True(Stopwatch.GetTimestamp() < deadline, $"not within 30 s: {what}");
            Thread.Sleep(1);
        }
    }

    /// <summary>An executor that answers each account's batch only when released, through a reusable completion.</summary>
    private sealed class HeldBatches(int accounts)
    {
        private readonly Batch[] _batches = Enumerable.Range(0, accounts).Select(_ => new Batch()).ToArray();
        private int _pending;

        public int Pending => Volatile.Read(ref _pending);

        public ValueTask Apply(string account, ReadOnlyMemory<EngineCommand> commands, Memory<EngineReply> replies)
        {
            for (var i = 0; i < commands.Length; i++)
            {
                replies.Span[i] = new EngineReply { CorrelationId = commands.Span[i].CorrelationId, Kind = ReplyKind.Ack, Command = commands.Span[i].Kind };
            }

            var batch = _batches[int.Parse(account.AsSpan(5))];
            var answer = batch.Hold();
            Interlocked.Increment(ref _pending);
            return answer;
        }

        public void ReleaseAll()
        {
            Volatile.Write(ref _pending, 0);
            foreach (var batch in _batches)
            {
                batch.Release();
            }
        }

        private sealed class Batch : IValueTaskSource
        {
            private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };

            public ValueTask Hold()
            {
                _core.Reset();
                return new ValueTask(this, _core.Version);
            }

            public void Release() => _core.SetResult(true);

            public void GetResult(short token) => _core.GetResult(token);

            public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

            public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
                => _core.OnCompleted(continuation, state, token, flags);
        }
    }
}

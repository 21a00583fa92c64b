using System.Collections.Concurrent;
using Grid.Abstractions.Engine;
using Grid.Gateway.PreTrade;
using Grid.Risk.Accounts;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Grid.Gateway.Tests.PreTrade;

/// <summary>
/// A lane's loop parks when its queue runs dry and is woken for the next account that needs a lane: no wake-up may
/// be lost (a lost one leaves commands unanswered: the wait below times out) and no parked loop may carry anything
/// of its last account into the next. Waves of random commands over random accounts, some waves waited out (every
/// lane parks before the next), some overlapping (lanes park while commands arrive); every reply is compared with a
/// reference run. Waits are bounded by deadlines, never decided by time.
/// </summary>
public sealed class AccountLanesParkingTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(2027)]
    public async Task Waves_ParkedLanesWokenForOtherAccounts_AnswerEveryCommandAsTheReferenceRun(int seed)
    {
        const int accounts = 24;
        const int waves = 300;
        var random = new Random(seed);
        var reference = new Dictionary<string, RunningAccount>();
        var expected = new Dictionary<ulong, EngineReply>();
        var live = new ConcurrentDictionary<string, RunningAccount>();
        var delivered = new ConcurrentDictionary<ulong, (string Account, EngineReply Reply)>();
        var answered = new SemaphoreSlim(0);
        var lanes = new AccountLanes(
            64,
            4,
            async (account, commands, replies) =>
            {
                // Some batches answer at once, some after a hop to the pool, some from another thread.
                switch (commands.Span[0].CorrelationId % 3)
                {
                    case 1:
                        await Task.Yield();
                        break;
                    case 2:
                        await Task.Run(static () => { });
                        break;
                }

                var state = live.GetOrAdd(account, _ => new RunningAccount());
                for (var i = 0; i < commands.Length; i++)
                {
                    replies.Span[i] = state.Apply(commands.Span[i]);
                }
            },
            (account, command, reply) =>
            {
                Assert.True(delivered.TryAdd(command.CorrelationId, (account, reply)), $"message {command.CorrelationId} answered twice");
                answered.Release();
                return ValueTask.CompletedTask;
            },
            NullLogger.Instance);

        ulong id = 0;
        var waited = 0;
        var sawParked = false;
        for (var wave = 0; wave < waves; wave++)
        {
            var sentInWave = 0;
            var width = random.Next(1, accounts + 1);
            for (var a = 0; a < width; a++)
            {
                var account = $"acct-{random.Next(accounts)}";
                for (var n = random.Next(1, 7); n > 0; n--)
                {
                    var command = new EngineCommand { CorrelationId = ++id, Kind = CommandKind.Check, ClientOrderId = $"o-{id}", InstrumentId = "BTC-PERP", Side = random.Next(2) == 0 ? Side.Buy : Side.Sell, Qty = random.Next(1, 50), Price = 100 + random.Next(100) };
                    expected[id] = (reference.TryGetValue(account, out var r) ? r : reference[account] = new RunningAccount()).Apply(command);
                    while (!lanes.TryEnqueue(account, command))
                    {
                        await Task.Yield();
                    }

                    sentInWave++;
                }
            }

            // Two waves in three are waited out: every lane of the wave parks before the next wave needs lanes.
            if (wave % 3 != 2)
            {
                for (var n = waited; n < (int)id; n++)
                {
                    Assert.True(await answered.WaitAsync(Hang), $"wave {wave}: {(int)id - n} of the commands sent so far were never answered (a lane not woken?)");
                }

                waited = (int)id;
                sawParked |= lanes.Parked > 0;
            }
        }

        await lanes.Complete().WaitAsync(Hang);

        Assert.True(sawParked, "no lane was ever parked: the test did not exercise waking");
        Assert.Equal((int)id, delivered.Count);
        for (ulong n = 1; n <= id; n++)
        {
            Assert.Equal(expected[n], delivered[n].Reply);
        }

        Assert.Equal(0, lanes.InFlight);
        Assert.Equal(0, lanes.Parked);
    }

    [Fact]
    public async Task Complete_WithParkedLanes_EndsTheirLoops_AndRefusesNewCommands()
    {
        var delivered = 0;
        var lanes = new AccountLanes(
            16,
            4,
            (_, commands, replies) =>
            {
                for (var i = 0; i < commands.Length; i++)
                {
                    replies.Span[i] = new EngineReply { CorrelationId = commands.Span[i].CorrelationId, Kind = ReplyKind.Ack, Command = commands.Span[i].Kind };
                }

                return ValueTask.CompletedTask;
            },
            (_, _, _) =>
            {
                Interlocked.Increment(ref delivered);
                return ValueTask.CompletedTask;
            },
            NullLogger.Instance);

        for (ulong id = 1; id <= 8; id++)
        {
            Assert.True(lanes.TryEnqueue($"acct-{id}", new EngineCommand { CorrelationId = id, Kind = CommandKind.Cancel, ClientOrderId = "o" }));
        }

        var deadline = DateTime.UtcNow + Hang;
        while ((Volatile.Read(ref delivered) < 8 || lanes.InFlight > 0 || lanes.Parked == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.Equal(8, Volatile.Read(ref delivered));
        Assert.True(lanes.Parked > 0);

        await lanes.Complete().WaitAsync(Hang);

        Assert.Equal(0, lanes.Parked);
        Assert.Throws<InvalidOperationException>(() => lanes.TryEnqueue("acct-1", new EngineCommand { CorrelationId = 9, Kind = CommandKind.Cancel, ClientOrderId = "o" }));
    }

    /// <summary>An account whose replies depend on everything it applied before, in order.</summary>
    private sealed class RunningAccount
    {
        private decimal _position;
        private int _applied;

        public EngineReply Apply(EngineCommand c)
        {
            _applied++;
            _position += c.Side == Side.Sell ? -c.Qty : c.Qty;
            return new EngineReply
            {
                CorrelationId = c.CorrelationId,
                Kind = ReplyKind.Ack,
                Command = c.Kind,
                ClientOrderId = c.ClientOrderId,
                RemainingQty = _position,
                Equity = _applied,
                Message = _applied % 5 == 0 ? $"note {_applied}" : "",
            };
        }
    }
}

using System.Collections.Concurrent;
using Grid.Abstractions.Engine;
using Grid.Gateway.PreTrade;
using Grid.Risk.Accounts;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;

namespace Grid.Gateway.Tests.PreTrade;

/// <summary>
/// The lanes reuse their batch buffers: no message's data may reach another message's reply. Random command
/// streams over many accounts go through the lanes to a fake account that answers from its own running state;
/// every reply is compared with a reference run of the same commands, one at a time, with fresh values. The fake
/// sometimes answers later (so batches form), leaves a reply unwritten, or fails after writing part of a batch.
/// </summary>
public sealed class AccountLanesReuseTests
{
    private const int Accounts = 40;
    private const int Messages = 6_000;

    // A command whose id is a multiple of these is left without a reply, or fails its batch after part is written.
    private const ulong Unwritten = 53;
    private const ulong Failing = 89;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2026)]
    public async Task RandomStreams_ManyAccounts_EachReplyIsItsOwnCommands_AsInAReferenceRunWithoutReuse(int seed)
    {
        var random = new Random(seed);
        var sent = new EngineCommand[Messages + 1];
        var accountOf = new string[Messages + 1];
        for (var id = 1; id <= Messages; id++)
        {
            accountOf[id] = $"acct-{random.Next(Accounts)}";
            sent[id] = RandomCommand(random, (ulong)id);
        }

        // The reference: each account's commands in the order sent, each answered alone.
        var expected = new EngineReply[Messages + 1];
        var reference = new Dictionary<string, FakeAccount>();
        for (var id = 1; id <= Messages; id++)
        {
            var account = reference.TryGetValue(accountOf[id], out var a) ? a : reference[accountOf[id]] = new FakeAccount();
            expected[id] = account.Apply(sent[id]);
        }

        var live = new ConcurrentDictionary<string, FakeAccount>();
        var delivered = new ConcurrentDictionary<ulong, (string Account, EngineCommand Command, EngineReply Reply)>();
        var lanes = new AccountLanes(
            64,
            5,
            async (account, commands, replies) =>
            {
                var first = commands.Span[0].CorrelationId;
                if (first % 3 == 0)
                {
                    await Task.Yield();
                }

                // The whole batch is applied (as by a grain whose answer is lost), its replies written up to a failing command.
                var state = live.GetOrAdd(account, _ => new FakeAccount());
                var failing = false;
                for (var i = 0; i < commands.Length; i++)
                {
                    var c = commands.Span[i];
                    var reply = state.Apply(c);
                    failing |= c.CorrelationId % Failing == 0;
                    if (!failing && c.CorrelationId % Unwritten != 0)
                    {
                        replies.Span[i] = reply;
                    }
                }

                if (failing)
                {
                    throw new TimeoutException("the account's answer was lost");
                }
            },
            (account, command, reply) =>
            {
                Assert.True(delivered.TryAdd(command.CorrelationId, (account, command, reply)), $"message {command.CorrelationId} answered twice");
                return ValueTask.CompletedTask;
            },
            NullLogger.Instance);

        for (var id = 1; id <= Messages; id++)
        {
            while (!lanes.TryEnqueue(accountOf[id], sent[id]))
            {
                await Task.Yield();
            }
        }

        await lanes.Complete().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Messages, delivered.Count);
        var unavailable = 0;
        for (var id = 1; id <= Messages; id++)
        {
            var (account, command, reply) = delivered[(ulong)id];
            Assert.Equal(accountOf[id], account);
            Assert.Equal(sent[id], command);
            if (reply.Kind == ReplyKind.Error && reply.Error == ErrorCode.Unavailable)
            {
                // A failed or incompletely answered batch: every command of it is answered as itself, nothing else.
                Assert.Equal((command.CorrelationId, command.ClientOrderId, command.Kind), (reply.CorrelationId, reply.ClientOrderId, reply.Command));
                unavailable++;
                continue;
            }

            Assert.NotEqual(0ul, (ulong)id % Unwritten);
            Assert.NotEqual(0ul, (ulong)id % Failing);
            Assert.Equal(expected[id], reply);
        }

        // The failure paths ran (each such command's batch), and most messages were answered normally.
        Assert.InRange(unavailable, (Messages / (int)Unwritten) + (Messages / (int)Failing) - (Messages / (int)(Unwritten * Failing)), Messages / 4);
    }

    private static EngineCommand RandomCommand(Random random, ulong id)
    {
        var order = $"o-{random.Next(12)}";
        return random.Next(4) switch
        {
            0 => new EngineCommand { CorrelationId = id, Kind = CommandKind.Check, ClientOrderId = order, InstrumentId = random.Next(2) == 0 ? "BTC-PERP" : "ETH-PERP", Side = random.Next(2) == 0 ? Side.Buy : Side.Sell, Qty = random.Next(1, 50) / 10m, Price = 100 + random.Next(1_000), ReduceOnly = random.Next(5) == 0, Venue = "v" },
            1 => new EngineCommand { CorrelationId = id, Kind = CommandKind.Fill, ClientOrderId = order, TradeId = $"t-{id}", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = random.Next(1, 10) / 10m, Price = 100 + random.Next(1_000), Fee = random.Next(10) / 100m },
            2 => new EngineCommand { CorrelationId = id, Kind = CommandKind.Cancel, ClientOrderId = order, Qty = random.Next(3) },
            _ => new EngineCommand { CorrelationId = id, Kind = CommandKind.Funding, FundingId = $"f-{id}", InstrumentId = "ETH-PERP", Accrue = random.Next(-50, 50) / 10m, Settle = random.Next(2) == 0 },
        };
    }

    /// <summary>An account whose every figure depends on everything it applied before, in order.</summary>
    private sealed class FakeAccount
    {
        private decimal _position;
        private decimal _cash = 1_000;
        private int _applied;

        public EngineReply Apply(EngineCommand c)
        {
            _applied++;
            _position += c.Side == Side.Sell ? -c.Qty : c.Qty;
            _cash += c.Accrue - c.Fee - (c.Qty * c.Price / 1_000);
            var decision = c.Kind is CommandKind.Check;
            return new EngineReply
            {
                CorrelationId = c.CorrelationId,
                Kind = decision ? ReplyKind.Decision : ReplyKind.Ack,
                Command = c.Kind,
                ClientOrderId = c.ClientOrderId,
                Decision = decision && _cash < 0 ? Risk.Decisions.Decision.Reject : Risk.Decisions.Decision.Accept,
                ImAfter = Math.Abs(_position) * 10,
                Equity = _cash,
                RemainingQty = _position,
                TradeId = c.Kind == CommandKind.Funding ? c.FundingId : c.TradeId,
                Replayed = _applied % 11 == 0,
                Message = _applied % 13 == 0 ? $"note {_applied}" : "",
            };
        }
    }
}

using System.Diagnostics;
using Grid.Api.V1;
using Grid.LoadTest.Market;
using Grid.LoadTest.Transport;
using Grid.LoadTest.Workload;
using Grpc.Core;

namespace Grid.LoadTest.Running;

/// <summary>
/// Gives each market maker its book before the measured phases, over a PreTrade stream as a matching
/// engine would: a fill in each of the book's options (1 to 5 contracts, long or short, at the mark; the
/// trade id is stable, so seeding again against the same grid books nothing twice), then 50 resting
/// quotes across the strikes (every fourth option, bids 4 % under the mark and asks 4 % over it). The
/// quotes are cancelled at the end of the run.
/// </summary>
public sealed class MarketMakerSeeding(Uri target, string engineKey, LiveMarket market, IReadOnlyList<string> makers, string runId)
{
    /// <summary>Resting quotes per market maker.</summary>
    public const int RestingQuotes = 50;

    private readonly List<(string Account, string OrderId)> _resting = [];

    /// <summary>Books the positions and rests the quotes; throws when the grid refuses any of them.</summary>
    public async Task Seed(TextWriter output)
    {
        var started = Stopwatch.GetTimestamp();
        var messages = new List<EngineMessage>();
        var now = DateTimeOffset.UtcNow;
        var book = market.BookOptions;
        for (var m = 0; m < makers.Count; m++)
        {
            var random = new Random(1_000 + m);
            for (var k = 0; k < book.Count; k++)
            {
                var id = market.Walk.Options[book[k]].Id;
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                var trade = $"seed-{makers[m]}-{id}";
                messages.Add(new EngineMessage
                {
                    Filled = new OrderFilled
                    {
                        AccountId = makers[m], ClientOrderId = trade, TradeId = trade, InstrumentId = id, Side = side,
                        Qty = WireDecimals.From(random.Next(1, 6)), Price = WireDecimals.From(Mark(book[k], now)), Fee = WireDecimals.From(0m),
                    },
                });
            }
        }

        var fills = messages.Count;
        for (var m = 0; m < makers.Count; m++)
        {
            for (var q = 0; q < RestingQuotes; q++)
            {
                var option = book[q * book.Count / RestingQuotes];
                var buy = q % 2 == 0;
                var order = $"{runId}-seed-{makers[m]}-{q}";
                _resting.Add((makers[m], order));
                messages.Add(new EngineMessage
                {
                    Check = new CheckOrder
                    {
                        AccountId = makers[m], ClientOrderId = order, InstrumentId = market.Walk.Options[option].Id, Side = buy ? Side.Buy : Side.Sell,
                        Qty = WireDecimals.From(1 + q % 3), Price = WireDecimals.From(Math.Max(0.1m, Math.Round(Mark(option, now) * (buy ? 0.96m : 1.04m), 1))),
                    },
                });
            }
        }

        var replies = await Exchange(messages);
        var refused = replies.Select((r, i) => (r, i)).Where(x => x.r.BodyCase == GridMessage.BodyOneofCase.Error
            || (x.i >= fills && x.r.Decision?.Decision is not (Decision.Accept or Decision.AcceptRiskReducing))).ToList();
        if (refused.Count > 0)
        {
            var (reply, index) = refused[0];
            throw new InvalidOperationException($"seeding the market makers: {refused.Count} of {messages.Count} messages refused, the first ({messages[index].BodyCase}) with {reply}");
        }

        output.WriteLine($"seeded {makers.Count} market makers: {book.Count} option positions and {RestingQuotes} resting quotes each, in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0}s");
    }

    /// <summary>Cancels the seeded quotes (unmeasured clean-up).</summary>
    public async Task CancelResting(TextWriter output)
    {
        if (_resting.Count == 0)
        {
            return;
        }

        await Exchange([.. _resting.Select(r => new EngineMessage { Canceled = new OrderCanceled { AccountId = r.Account, ClientOrderId = r.OrderId } })]);
        output.WriteLine($"   cancelled the market makers' {_resting.Count} seeded quotes");
        _resting.Clear();
    }

    private decimal Mark(int option, DateTimeOffset now) => Math.Max(0.1m, Math.Round((decimal)market.Walk.OptionMark(option, now), 1));

    // Sends the messages on one stream, at most 256 outstanding, and returns the replies in message order.
    private async Task<GridMessage[]> Exchange(IReadOnlyList<EngineMessage> messages)
    {
        using var channel = EngineChannels.Create(target);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var call = new PreTrade.PreTradeClient(channel).Stream(new Metadata { { "x-api-key", engineKey } }, cancellationToken: deadline.Token);
        var replies = new GridMessage[messages.Count];
        using var window = new SemaphoreSlim(256);
        var reader = Task.Run(async () =>
        {
            for (var n = 0; n < messages.Count && await call.ResponseStream.MoveNext(deadline.Token);)
            {
                var reply = call.ResponseStream.Current;
                if (reply.CorrelationId is > 0 and var id && id <= (ulong)messages.Count)
                {
                    replies[id - 1] = reply;
                    n++;
                    window.Release();
                }
            }
        });
        for (var i = 0; i < messages.Count; i++)
        {
            await window.WaitAsync(deadline.Token);
            var message = messages[i].Clone();
            message.CorrelationId = (ulong)i + 1;
            await call.RequestStream.WriteAsync(message, deadline.Token);
        }

        await reader;
        await call.RequestStream.CompleteAsync();
        return replies;
    }
}

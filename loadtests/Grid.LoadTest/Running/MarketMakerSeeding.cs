using System.Diagnostics;
using Grid.Api.V1;
using Grid.LoadTest.Market;
using Grid.LoadTest.Transport;
using Grid.LoadTest.Workload;
using Grpc.Core;

namespace Grid.LoadTest.Running;

/// <summary>
/// Gives each market maker its book (<see cref="BookSeed"/>: a fill in each of the book's options, then
/// 50 resting quotes across the strikes) before the measured phases, over a PreTrade stream as a matching
/// engine would, and cancels the quotes at the end of the run.
/// </summary>
public sealed class MarketMakerSeeding(Uri target, string engineKey, LiveMarket market, IReadOnlyList<string> makers, string runId)
{
    private readonly List<(string Account, string OrderId)> _resting = [];

    /// <summary>Books the positions and rests the quotes; throws when the grid refuses any of them.</summary>
    public async Task Seed(TextWriter output)
    {
        var started = Stopwatch.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        var messages = BookSeed.Fills(market, makers, now);
        var fills = messages.Count;
        var quotes = BookSeed.Quotes(market, makers, runId, now);
        _resting.AddRange(quotes.Select(q => (q.Check.AccountId, q.Check.ClientOrderId)));
        messages.AddRange(quotes);
        var replies = await Exchange(messages);
        var refused = replies.Select((r, i) => (r, i)).Where(x => x.r.BodyCase == GridMessage.BodyOneofCase.Error
            || (x.i >= fills && x.r.Decision?.Decision is not (Decision.Accept or Decision.AcceptRiskReducing))).ToList();
        if (refused.Count > 0)
        {
            var (reply, index) = refused[0];
            throw new InvalidOperationException($"seeding the market makers: {refused.Count} of {messages.Count} messages refused, the first ({messages[index].BodyCase}) with {reply}");
        }

        output.WriteLine($"seeded {makers.Count} market makers: {market.BookOptions.Count} option positions and {BookSeed.RestingQuotes} resting quotes each, in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0}s");
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

using Grid.Api.V1;
using Grid.LoadTest.Market;

namespace Grid.LoadTest.Workload;

/// <summary>
/// The messages that give a market maker its book, as a matching engine would report them: a fill in
/// each of the book's options (1 to 5 contracts, long or short, at the mark; the trade id depends only on
/// the account and the option, so seeding again against the same grid books nothing twice), then
/// <see cref="RestingQuotes"/> quotes spread evenly across the book's strikes, calls and puts (bids 4 % under
/// the mark, asks 4 % over it), which rest until the end of the run.
/// </summary>
public static class BookSeed
{
    /// <summary>Resting quotes per market maker.</summary>
    public const int RestingQuotes = 50;

    /// <summary>One fill per book option per market maker, market maker by market maker.</summary>
    public static List<EngineMessage> Fills(LiveMarket market, IReadOnlyList<string> makers, DateTimeOffset now)
    {
        var book = market.BookOptions;
        var messages = new List<EngineMessage>(makers.Count * book.Count);
        for (var m = 0; m < makers.Count; m++)
        {
            var random = new Random(1_000 + m);
            foreach (var option in book)
            {
                var id = market.Walk.Options[option].Id;
                var trade = $"seed-{makers[m]}-{id}";
                messages.Add(new EngineMessage
                {
                    Filled = new OrderFilled
                    {
                        AccountId = makers[m], ClientOrderId = trade, TradeId = trade, InstrumentId = id, Side = random.Next(2) == 0 ? Side.Buy : Side.Sell,
                        Qty = WireDecimals.From(random.Next(1, 6)), Price = WireDecimals.From(Mark(market, option, now)), Fee = WireDecimals.From(0m),
                    },
                });
            }
        }

        return messages;
    }

    /// <summary>
    /// <see cref="RestingQuotes"/> quotes per market maker, alternately bids and asks, spread evenly over the book
    /// (with the demo book's order, every other strike of both expiries, calls and puts in turn).
    /// </summary>
    public static List<EngineMessage> Quotes(LiveMarket market, IReadOnlyList<string> makers, string runId, DateTimeOffset now)
    {
        var book = market.BookOptions;
        var messages = new List<EngineMessage>(makers.Count * RestingQuotes);
        foreach (var maker in makers)
        {
            for (var q = 0; q < RestingQuotes; q++)
            {
                var option = book[Math.Min(book.Count - 1, q * book.Count / RestingQuotes + q / 2 % 2)];
                var buy = q % 2 == 0;
                messages.Add(new EngineMessage
                {
                    Check = new CheckOrder
                    {
                        AccountId = maker, ClientOrderId = $"{runId}-seed-{maker}-{q}", InstrumentId = market.Walk.Options[option].Id, Side = buy ? Side.Buy : Side.Sell,
                        Qty = WireDecimals.From(1 + q % 3), Price = WireDecimals.From(Math.Max(0.1m, Math.Round(Mark(market, option, now) * (buy ? 0.96m : 1.04m), 1))),
                    },
                });
            }
        }

        return messages;
    }

    /// <summary>The walk's mark of option <paramref name="option"/> in USD, to 0.1, at least 0.1.</summary>
    public static decimal Mark(LiveMarket market, int option, DateTimeOffset now)
        => Math.Max(0.1m, Math.Round((decimal)market.Walk.OptionMark(option, now), 1));
}

using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Abstractions.Market;
using Grid.Grains.Market;
using Grid.Risk.Accounts;
using Grid.Risk.Instruments;

namespace Grid.Grains.Demo;

/// <summary>
/// The embedded default's demo market: BTC and ETH perps, futures and options, SPX/ES/SPY, a few
/// stocks, spot pairs, and accounts that show cross-margining, a market maker and a margin call.
/// Seeding is idempotent (stable request and trade ids), so a restarted demo does not double up.
/// </summary>
public static class DemoCatalog
{
    /// <summary>Accounts the demo creates.</summary>
    public static readonly string[] Accounts = ["demo-mm", "demo-hedged", "demo-trader", "demo-margin-call"];

    /// <summary>Publishes the rulebook, prices, instruments and accounts.</summary>
    public static async Task SeedAsync(IGrainFactory grains, DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date.AddHours(8), TimeSpan.Zero);
        var near = day.AddDays(30);
        var far = day.AddDays(91);
        await grains.GetGrain<IRulebookGrain>(RulebookGrain.Key).SetRate(0.04m);
        await Underlying(grains, "BTC", 60_000m, now, (near, 60_300m), (far, 61_000m));
        await Underlying(grains, "ETH", 3_000m, now, (near, 3_012m), (far, 3_040m));
        foreach (var (asset, price) in new[] { ("SPX", 5_400m), ("NDX", 19_000m), ("SPY", 540m), ("QQQ", 460m), ("AAPL", 200m), ("MSFT", 420m) })
        {
            await Underlying(grains, asset, price, now);
        }

        foreach (var (spec, mark, vol) in Instruments(near, far))
        {
            var instrument = grains.GetGrain<IInstrumentGrain>(spec.Id);
            await instrument.Upsert(spec);
            await instrument.PublishPrices(new InstrumentPrices { Mark = mark, Vol = vol, At = now });
        }

        await Fund(grains, "demo-mm", ("USD", 2_000_000m), ("BTC", 10m), ("USDT", 500_000m));
        await Fill(grains, "demo-mm", $"BTC-{near:yyMMdd}-60000-C", Side.Sell, 20, 3_800m);
        await Fill(grains, "demo-mm", $"BTC-{near:yyMMdd}-60000-P", Side.Sell, 20, 3_600m);
        await Fill(grains, "demo-mm", "BTC-PERP", Side.Buy, 5, 60_000m);
        await Fill(grains, "demo-mm", "ETH-PERP", Side.Sell, 100, 3_000m);
        await Fund(grains, "demo-hedged", ("USD", 400_000m));
        await Fill(grains, "demo-hedged", "BTC-PERP", Side.Buy, 10, 60_000m);
        await Fill(grains, "demo-hedged", "ETH-PERP", Side.Sell, 200, 3_000m);
        await Fill(grains, "demo-hedged", $"SPX-{near:yyMMdd}-5200-P", Side.Sell, 5, 30m);
        await Fill(grains, "demo-hedged", $"ES-{near:yyMMdd}", Side.Sell, 2, 5_418m);
        await Fund(grains, "demo-trader", ("USD", 100_000m), ("SPY", 100m));
        await Fund(grains, "demo-margin-call", ("USD", 85_000m));
        await Fill(grains, "demo-margin-call", "BTC-PERP", Side.Buy, 10, 60_000m);
    }

    private static IEnumerable<(InstrumentSpec Spec, decimal? Mark, decimal? Vol)> Instruments(DateTimeOffset near, DateTimeOffset far)
    {
        yield return (Linear("BTC-PERP", InstrumentKind.LinearPerp, "BTC", 1, null), 60_000m, null);
        yield return (Linear("ETH-PERP", InstrumentKind.LinearPerp, "ETH", 1, null), 3_000m, null);
        yield return (Linear($"BTC-{far:yyMMdd}", InstrumentKind.LinearFuture, "BTC", 1, far), 61_000m, null);
        yield return (Linear($"ES-{near:yyMMdd}", InstrumentKind.LinearFuture, "SPX", 50, near) with { Settlement = "USD" }, 5_418m, null);
        yield return (new InstrumentSpec { Id = "BTC-INV-PERP", Kind = InstrumentKind.InversePerp, Group = "BTC", Underlying = "BTC", Multiplier = 100, Settlement = "BTC" }, 60_000m, null);
        foreach (var expiry in new[] { near, far })
        {
            foreach (var strike in new[] { 50_000m, 55_000m, 60_000m, 65_000m, 70_000m })
            {
                yield return (Option("BTC", strike, OptionType.Call, expiry, 1, "USDC"), null, 0.55m);
                yield return (Option("BTC", strike, OptionType.Put, expiry, 1, "USDC"), null, 0.55m);
            }
        }

        foreach (var strike in new[] { 2_600m, 3_000m, 3_400m })
        {
            yield return (Option("ETH", strike, OptionType.Call, near, 1, "USDC"), null, 0.65m);
            yield return (Option("ETH", strike, OptionType.Put, near, 1, "USDC"), null, 0.65m);
        }

        foreach (var strike in new[] { 5_200m, 5_400m, 5_600m })
        {
            yield return (Option("SPX", strike, OptionType.Call, near, 100, "USD"), null, 0.18m);
            yield return (Option("SPX", strike, OptionType.Put, near, 100, "USD"), null, 0.18m);
        }

        yield return (Option("AAPL", 200m, OptionType.Call, near, 100, "USD"), null, 0.25m);
        yield return (Option("AAPL", 190m, OptionType.Put, near, 100, "USD"), null, 0.25m);
        foreach (var (id, kind, asset) in new[] { ("SPY-STK", InstrumentKind.Etf, "SPY"), ("AAPL-STK", InstrumentKind.Equity, "AAPL"), ("MSFT-STK", InstrumentKind.Equity, "MSFT") })
        {
            yield return (new InstrumentSpec { Id = id, Kind = kind, Underlying = asset, Quote = "USD" }, null, null);
        }

        yield return (new InstrumentSpec { Id = "BTC-USDT", Kind = InstrumentKind.Spot, Underlying = "BTC", Quote = "USDT" }, null, null);
        yield return (new InstrumentSpec { Id = "ETH-USDT", Kind = InstrumentKind.Spot, Underlying = "ETH", Quote = "USDT" }, null, null);
    }

    private static InstrumentSpec Linear(string id, InstrumentKind kind, string asset, decimal multiplier, DateTimeOffset? expiry) => new()
    {
        Id = id, Kind = kind, Group = asset, Underlying = asset, Multiplier = multiplier, Expiry = expiry, Settlement = "USDT",
        PriceBand = 0.1m,
    };

    private static InstrumentSpec Option(string underlying, decimal strike, OptionType type, DateTimeOffset expiry, decimal multiplier, string settlement) => new()
    {
        Id = $"{underlying}-{expiry:yyMMdd}-{strike}-{(type == OptionType.Call ? "C" : "P")}",
        Kind = InstrumentKind.Option, Group = underlying, Underlying = underlying, Strike = strike, OptionType = type,
        Expiry = expiry, Multiplier = multiplier, Settlement = settlement,
    };

    private static Task Underlying(IGrainFactory grains, string asset, decimal index, DateTimeOffset at, params (DateTimeOffset Expiry, decimal Price)[] forwards)
        => grains.GetGrain<IUnderlyingGrain>(asset).Publish(index, [.. forwards.Select(f => new ForwardPoint(f.Expiry, f.Price, at))], null, at);

    private static async Task Fund(IGrainFactory grains, string account, params (string Asset, decimal Amount)[] deposits)
    {
        foreach (var (asset, amount) in deposits)
        {
            await grains.GetGrain<IAccountGrain>(account).Deposit($"demo-deposit-{asset}", asset, amount);
        }
    }

    private static async Task Fill(IGrainFactory grains, string account, string instrument, Side side, decimal qty, decimal price)
    {
        var tradeId = $"demo-{account}-{instrument}";
        await grains.GetGrain<IAccountGrain>(account).Execute(
        [
            new EngineCommand { Kind = CommandKind.Fill, ClientOrderId = tradeId, TradeId = tradeId, InstrumentId = instrument, Side = side, Qty = qty, Price = price },
        ]);
    }
}

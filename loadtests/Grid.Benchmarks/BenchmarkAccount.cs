using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Benchmarks;

/// <summary>
/// The account of the benchmark: 20 positions in 3 groups (BTC, ETH, SPX; options
/// included) and 10 resting orders, on the default rulebook.
/// </summary>
internal static class BenchmarkAccount
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public static RiskModel Model()
    {
        var instruments = new List<Instrument>
        {
            Linear("BTC-PERP", InstrumentKind.LinearPerp, "BTC", "BTC", 1, null),
            Linear("BTC-F30", InstrumentKind.LinearFuture, "BTC", "BTC", 1, AsOf.AddDays(30)),
            Linear("ETH-PERP", InstrumentKind.LinearPerp, "ETH", "ETH", 1, null),
            Linear("ES-F30", InstrumentKind.LinearFuture, "SPX", "SPX", 50, AsOf.AddDays(30)),
        };
        foreach (var (k, t) in new[] { (56000, OptionType.Put), (60000, OptionType.Call), (60000, OptionType.Put), (64000, OptionType.Call), (70000, OptionType.Call) })
        {
            instruments.Add(Option($"BTC-30D-{k}-{t.ToString()[0]}", "BTC", "BTC", k, t, 30, 1));
            instruments.Add(Option($"BTC-60D-{k}-{t.ToString()[0]}", "BTC", "BTC", k, t, 60, 1));
        }

        foreach (var (k, t) in new[] { (2800, OptionType.Put), (3000, OptionType.Call), (3200, OptionType.Call) })
        {
            instruments.Add(Option($"ETH-30D-{k}-{t.ToString()[0]}", "ETH", "ETH", k, t, 30, 1));
        }

        foreach (var (k, t) in new[] { (5200, OptionType.Put), (5400, OptionType.Call), (5600, OptionType.Call) })
        {
            instruments.Add(Option($"SPX-30D-{k}-{t.ToString()[0]}", "SPX", "SPX", k, t, 30, 100));
        }

        var forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>
        {
            ["BTC"] = new Dictionary<DateTimeOffset, double> { [AsOf.AddDays(30)] = 60_300, [AsOf.AddDays(60)] = 60_600 },
            ["ETH"] = new Dictionary<DateTimeOffset, double> { [AsOf.AddDays(30)] = 3_010 },
        };
        var vols = instruments.Where(i => i.Kind == InstrumentKind.Option).ToDictionary(i => i.Id, i => i.Group == "SPX" ? 0.18 : 0.55);
        var market = new MarketSnapshot
        {
            AsOf = AsOf,
            Index = new Dictionary<string, double> { ["BTC"] = 60_000, ["ETH"] = 3_000, ["SPX"] = 5_400, ["SPY"] = 540, ["USDT"] = 1, ["USDC"] = 1 },
            Marks = new Dictionary<string, double> { ["BTC-PERP"] = 60_010, ["BTC-F30"] = 60_300, ["ETH-PERP"] = 3_001, ["ES-F30"] = 5_418 },
            Forwards = forwards,
            Vols = vols,
            Rate = 0.04,
        };
        return RiskModel.Build(Rulebook.Default, instruments, market);
    }

    public static Portfolio Portfolio() => new()
    {
        Regime = MarginRegime.Pm,
        Balances = new Dictionary<string, double> { ["USD"] = 2_000_000, ["BTC"] = 5, ["USDT"] = 250_000, ["SPY"] = 1_000 },
        Positions =
        [
            new("BTC-PERP", 4, 59_000), new("BTC-F30", -2, 61_000), new("ETH-PERP", -30, 3_100), new("ES-F30", -3, 5_380),
            new("BTC-30D-56000-P", -10), new("BTC-30D-60000-C", -5), new("BTC-30D-60000-P", -5), new("BTC-30D-64000-C", 8),
            new("BTC-60D-60000-C", 3), new("BTC-60D-64000-C", -6), new("BTC-60D-70000-C", 6), new("BTC-60D-56000-P", 4),
            new("ETH-30D-2800-P", -40), new("ETH-30D-3000-C", 25), new("ETH-30D-3200-C", -25),
            new("SPX-30D-5200-P", -4), new("SPX-30D-5400-C", 2), new("SPX-30D-5600-C", -2), new("BTC-30D-70000-C", -3),
            new("BTC-60D-60000-P", 2),
        ],
        Orders =
        [
            new("BTC-PERP", Side.Buy, 2, 59_900, "b1"), new("BTC-PERP", Side.Sell, 2, 60_100, "a1"),
            new("BTC-30D-60000-C", Side.Buy, 3, 3_700, "b2"), new("BTC-30D-60000-C", Side.Sell, 3, 3_850, "a2"),
            new("ETH-PERP", Side.Buy, 10, 2_990, "b3"), new("ETH-PERP", Side.Sell, 10, 3_010, "a3"),
            new("ES-F30", Side.Buy, 1, 5_410, "b4"), new("SPX-30D-5400-C", Side.Sell, 1, 120, "a4"),
            new("BTC-60D-64000-C", Side.Buy, 2, 3_000, "b5"), new("ETH-30D-3000-C", Side.Sell, 5, 140, "a5"),
        ],
    };

    private static Instrument Linear(string id, InstrumentKind kind, string group, string underlying, double multiplier, DateTimeOffset? expiry)
        => new() { Id = id, Kind = kind, Group = group, Underlying = underlying, Multiplier = multiplier, Expiry = expiry, Settlement = "USDT" };

    private static Instrument Option(string id, string group, string underlying, double strike, OptionType type, int days, double multiplier)
        => new()
        {
            Id = id, Kind = InstrumentKind.Option, Group = group, Underlying = underlying, Strike = strike, OptionType = type,
            Expiry = AsOf.AddDays(days), Multiplier = multiplier, Settlement = "USDC",
        };
}

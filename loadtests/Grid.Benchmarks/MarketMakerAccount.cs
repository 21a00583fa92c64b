using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Benchmarks;

/// <summary>
/// A BTC options market maker on a live market: 200 option positions (2 expiries × 50 strikes × call
/// and put), 50 resting orders across the strikes, a perp hedge, and an ETH book beside it; plus price
/// ticks on BTC (index, perp mark, forwards, a few vols), each stamped a little later than the last, as
/// the silo's market frame stamps them.
/// </summary>
internal static class MarketMakerAccount
{
    public static readonly DateTimeOffset AsOf = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset[] Expiries = [AsOf.AddDays(30), AsOf.AddDays(91)];

    public static List<Instrument> Instruments()
    {
        var list = new List<Instrument>
        {
            new() { Id = "BTC-PERP", Kind = InstrumentKind.LinearPerp, Group = "BTC", Underlying = "BTC", Settlement = "USDT" },
            new() { Id = "ETH-PERP", Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH", Settlement = "USDT" },
        };
        foreach (var expiry in Expiries)
        {
            for (var k = 0; k < 50; k++)
            {
                list.Add(Option("BTC", 40_000 + 800 * k, OptionType.Call, expiry));
                list.Add(Option("BTC", 40_000 + 800 * k, OptionType.Put, expiry));
            }
        }

        foreach (var strike in new[] { 2_600, 3_000, 3_400 })
        {
            list.Add(Option("ETH", strike, OptionType.Call, Expiries[0]));
            list.Add(Option("ETH", strike, OptionType.Put, Expiries[0]));
        }

        return list;
    }

    public static MarketSnapshot Market()
    {
        var instruments = Instruments();
        var market = new MarketSnapshot
        {
            AsOf = AsOf,
            Index = new Dictionary<string, double> { ["BTC"] = 60_000, ["ETH"] = 3_000, ["USDT"] = 1, ["USDC"] = 1 },
            Marks = new Dictionary<string, double> { ["BTC-PERP"] = 60_010, ["ETH-PERP"] = 3_001 },
            Forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>
            {
                ["BTC"] = new Dictionary<DateTimeOffset, double> { [Expiries[0]] = 60_300, [Expiries[1]] = 61_000 },
                ["ETH"] = new Dictionary<DateTimeOffset, double> { [Expiries[0]] = 3_012 },
            },
            Vols = instruments.Where(i => i.Kind == InstrumentKind.Option).ToDictionary(i => i.Id, i => i.Group == "ETH" ? 0.65 : 0.55),
        };
        var times = market.Index.Keys.Concat(market.Marks.Keys).Concat(market.Vols.Keys).ToDictionary(k => k, _ => AsOf);
        return market with { InputTimes = times };
    }

    public static RiskModel Model() => RiskModel.Build(Rulebook.Default, Instruments(), Market());

    /// <summary>The model after a BTC tick on <paramref name="previous"/>: index, perp mark, forwards and four vols move by <paramref name="step"/>.</summary>
    public static RiskModel Tick(RiskModel previous, double step)
    {
        var m = previous.Market;
        var at = m.AsOf.AddMilliseconds(20);
        var vols = new Dictionary<string, double>(m.Vols);
        var times = new Dictionary<string, DateTimeOffset>(m.InputTimes) { ["BTC"] = at, ["BTC-PERP"] = at };
        foreach (var k in new[] { 10, 20, 30, 40 })
        {
            var id = $"BTC-{Expiries[0]:yyMMdd}-{40_000 + 800 * k}-C";
            vols[id] += step / 10;
            times[id] = at;
        }

        var market = m with
        {
            AsOf = at,
            Index = new Dictionary<string, double>(m.Index) { ["BTC"] = m.Index["BTC"] * (1 + step) },
            Marks = new Dictionary<string, double>(m.Marks) { ["BTC-PERP"] = m.Marks["BTC-PERP"] * (1 + step) },
            Forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>(m.Forwards)
            {
                ["BTC"] = m.Forwards["BTC"].ToDictionary(f => f.Key, f => f.Value * (1 + step)),
            },
            Vols = vols,
            InputTimes = times,
        };
        return RiskModel.Build(previous.Rulebook, [.. previous.Instruments.Select(i => i.Spec)], market, previous: previous);
    }

    /// <summary>200 BTC option positions, 50 resting option orders across the strikes, a perp hedge and an ETH book.</summary>
    public static Portfolio Portfolio(RiskModel model)
    {
        var positions = new List<Position> { new("BTC-PERP", -3, 60_000), new("ETH-PERP", 40, 3_000), new($"ETH-{Expiries[0]:yyMMdd}-3000-C", -20) };
        var orders = new List<RestingOrder>();
        var options = model.Instruments.Where(i => i.Kind.IsOption() && i.Spec.Group == "BTC").ToList();
        for (var k = 0; k < options.Count; k++)
        {
            positions.Add(new Position(options[k].Spec.Id, (k % 2 == 0 ? -1 : 1) * (1 + k % 7)));
            if (k % 4 == 0)
            {
                var buy = k % 8 == 0;
                var price = Math.Round(options[k].Mark * (buy ? 0.98 : 1.02), 1);
                orders.Add(new RestingOrder(options[k].Spec.Id, buy ? Side.Buy : Side.Sell, 1 + k % 3, Math.Max(price, 5), $"q{k}"));
            }
        }

        return new Portfolio
        {
            Regime = MarginRegime.Pm,
            Balances = new Dictionary<string, double> { ["USD"] = 5_000_000, ["BTC"] = 10, ["USDT"] = 250_000 },
            Positions = positions,
            Orders = orders,
        };
    }

    private static Instrument Option(string underlying, double strike, OptionType type, DateTimeOffset expiry) => new()
    {
        Id = $"{underlying}-{expiry:yyMMdd}-{strike}-{(type == OptionType.Call ? "C" : "P")}",
        Kind = InstrumentKind.Option, Group = underlying, Underlying = underlying, Strike = strike, OptionType = type,
        Expiry = expiry, Settlement = "USDC",
    };
}

using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Tests.Repricing;

/// <summary>
/// A three-group market (BTC and ETH options and perps, SPX options and a future) with every input
/// stamped at the instant, and a market maker's book on it: positions in every instrument and resting
/// orders on both sides across the strikes.
/// </summary>
internal static class OptionBookMarket
{
    public static readonly DateTimeOffset AsOf = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public static readonly List<Instrument> Instruments = Build();

    public static MarketSnapshot Market()
    {
        var vols = Instruments.Where(i => i.Kind == InstrumentKind.Option).ToDictionary(i => i.Id, i => i.Group == "SPX" ? 0.18 : 0.6);
        var market = new MarketSnapshot
        {
            AsOf = AsOf,
            Index = new Dictionary<string, double> { ["BTC"] = 60_000, ["ETH"] = 3_000, ["SPX"] = 5_400, ["USDT"] = 1, ["USDC"] = 1 },
            Marks = new Dictionary<string, double> { ["BTC-PERP"] = 60_010, ["ETH-PERP"] = 3_001, ["ES-F30"] = 5_418 },
            Forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>
            {
                ["BTC"] = new Dictionary<DateTimeOffset, double> { [AsOf.AddDays(30)] = 60_300, [AsOf.AddDays(60)] = 60_600 },
                ["ETH"] = new Dictionary<DateTimeOffset, double> { [AsOf.AddDays(30)] = 3_010, [AsOf.AddDays(60)] = 3_020 },
            },
            Vols = vols,
            Rate = 0.04,
            DivYields = new Dictionary<string, double> { ["SPX"] = 0.013 },
        };
        return Properties.MarketMoves.Stamped(market);
    }

    public static RiskModel Model(MarketSnapshot? market = null, RiskModel? previous = null)
        => RiskModel.Build(Rulebook.Default, Instruments, market ?? Market(), previous: previous);

    /// <summary>A position in every instrument and an order on each side of every other option.</summary>
    public static Portfolio MarketMaker()
    {
        var positions = new List<Position>();
        var orders = new List<RestingOrder>();
        var model = Model();
        for (var i = 0; i < Instruments.Count; i++)
        {
            var risk = model.Instrument(Instruments[i].Id);
            positions.Add(new Position(risk.Spec.Id, (i % 3 - 1) * (1 + i % 5) + (i % 3 == 1 ? 2 : 0), risk.Kind.IsOption() ? 0 : risk.Mark));
            if (risk.Kind.IsOption() && i % 2 == 0)
            {
                orders.Add(new RestingOrder(risk.Spec.Id, Side.Buy, 1 + i % 4, Math.Round(risk.Mark * 0.97, 2), $"b{i}"));
                orders.Add(new RestingOrder(risk.Spec.Id, Side.Sell, 1 + i % 3, Math.Round(risk.Mark * 1.03, 2), $"a{i}"));
            }
        }

        orders.Add(new RestingOrder("BTC-PERP", Side.Buy, 2, 59_900, "bp"));
        orders.Add(new RestingOrder("ETH-PERP", Side.Sell, 20, 3_010, "ap"));
        return new Portfolio
        {
            Balances = new Dictionary<string, double> { ["USD"] = 5_000_000, ["BTC"] = 3, ["USDT"] = 100_000 },
            Positions = positions,
            Orders = orders,
        };
    }

    private static List<Instrument> Build()
    {
        var list = new List<Instrument>
        {
            new() { Id = "BTC-PERP", Kind = InstrumentKind.LinearPerp, Group = "BTC", Underlying = "BTC", Settlement = "USDT" },
            new() { Id = "ETH-PERP", Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH", Settlement = "USDT" },
            new() { Id = "ES-F30", Kind = InstrumentKind.LinearFuture, Group = "SPX", Underlying = "SPX", Multiplier = 50, Expiry = AsOf.AddDays(30), Settlement = "USD" },
        };
        foreach (var days in new[] { 30, 60 })
        {
            for (var k = 50_000; k <= 70_000; k += 2_500)
            {
                list.Add(Option("BTC", k, OptionType.Call, days, 1));
                list.Add(Option("BTC", k, OptionType.Put, days, 1));
            }

            for (var k = 2_600; k <= 3_400; k += 200)
            {
                list.Add(Option("ETH", k, OptionType.Call, days, 1));
                list.Add(Option("ETH", k, OptionType.Put, days, 1));
            }
        }

        foreach (var k in new[] { 5_200, 5_400, 5_600 })
        {
            list.Add(Option("SPX", k, OptionType.Call, 30, 100));
            list.Add(Option("SPX", k, OptionType.Put, 30, 100));
        }

        return list;
    }

    private static Instrument Option(string underlying, double strike, OptionType type, int days, double multiplier) => new()
    {
        Id = $"{underlying}-{days}D-{strike}-{(type == OptionType.Call ? "C" : "P")}",
        Kind = InstrumentKind.Option, Group = underlying, Underlying = underlying, Strike = strike, OptionType = type,
        Expiry = AsOf.AddDays(days), Multiplier = multiplier, Settlement = underlying == "SPX" ? "USD" : "USDC",
    };
}

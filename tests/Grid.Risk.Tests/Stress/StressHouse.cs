using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Tests.Stress;

/// <summary>A seeded house on the default rulebook: crypto perps, futures and options, an inverse perp, SPX futures and options, stock collateral.</summary>
internal static class StressHouse
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public static RiskModel Model(Rulebook? rulebook = null)
    {
        var e30 = AsOf.AddDays(30);
        var instruments = new List<Instrument>
        {
            new() { Id = "BTC-PERP", Kind = InstrumentKind.LinearPerp, Group = "BTC", Underlying = "BTC", Settlement = "USDT" },
            new() { Id = "ETH-PERP", Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH", Settlement = "USDT" },
            new() { Id = "BTC-INV", Kind = InstrumentKind.InversePerp, Group = "BTC", Underlying = "BTC", Multiplier = 100, Settlement = "BTC" },
            new() { Id = "BTC-30D-60000-C", Kind = InstrumentKind.Option, Group = "BTC", Underlying = "BTC", Strike = 60_000, OptionType = OptionType.Call, Expiry = e30, Settlement = "USDC" },
            new() { Id = "BTC-30D-54000-P", Kind = InstrumentKind.Option, Group = "BTC", Underlying = "BTC", Strike = 54_000, OptionType = OptionType.Put, Expiry = e30, Settlement = "USDC" },
            new() { Id = "ES-F30", Kind = InstrumentKind.LinearFuture, Group = "SPX", Underlying = "SPX", Multiplier = 50, Expiry = e30, Settlement = "USD" },
            new() { Id = "SPX-30D-5400-P", Kind = InstrumentKind.Option, Group = "SPX", Underlying = "SPX", Strike = 5_400, OptionType = OptionType.Put, Expiry = e30, Multiplier = 100, Settlement = "USD" },
        };
        var market = new MarketSnapshot
        {
            AsOf = AsOf,
            Index = new Dictionary<string, double> { ["BTC"] = 60_000, ["ETH"] = 3_000, ["SPX"] = 5_400, ["SPY"] = 540, ["AAPL"] = 230 },
            Marks = new Dictionary<string, double> { ["BTC-PERP"] = 60_010, ["ETH-PERP"] = 3_001, ["BTC-INV"] = 60_020, ["ES-F30"] = 5_418 },
            Forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>> { ["BTC"] = new Dictionary<DateTimeOffset, double> { [e30] = 60_300 } },
            Vols = new Dictionary<string, double> { ["BTC-30D-60000-C"] = 0.55, ["BTC-30D-54000-P"] = 0.6, ["SPX-30D-5400-P"] = 0.18 },
            Rate = 0.04,
        };
        return RiskModel.Build(rulebook ?? Rulebook.Default, instruments, market);
    }

    /// <summary><paramref name="count"/> accounts: mostly PM, some STD; leverage from safe to deep under water in a crash.</summary>
    public static List<(string Id, AccountBook Book)> Accounts(RiskModel model, int count, int seed)
    {
        var random = new Random(seed);
        var accounts = new List<(string, AccountBook)>(count);
        for (var i = 0; i < count; i++)
        {
            var positions = new List<Position>();
            var n = random.Next(1, 5);
            for (var k = 0; k < n; k++)
            {
                var risk = model.Instruments[random.Next(model.Instruments.Length)];
                var size = risk.Kind switch
                {
                    InstrumentKind.InversePerp => 2_000,
                    InstrumentKind.Option => 10,
                    _ => 200_000 / (risk.Mark * risk.Multiplier),
                };
                positions.Add(new Position(risk.Spec.Id, Math.Round((random.NextDouble() * 2 - 1) * size, 3), risk.Mark * (1 + (random.NextDouble() - 0.5) * 0.02), Math.Round(random.NextDouble() * 50, 2)));
            }

            var balances = new Dictionary<string, double>
            {
                ["USD"] = Math.Round(5_000 + random.NextDouble() * 150_000, 2),
                ["USDT"] = Math.Round(random.NextDouble() * 50_000, 2),
                ["BTC"] = Math.Round(random.NextDouble() * 2 - 0.3, 4),
                ["SPY"] = Math.Round(random.NextDouble() * 100),
            };
            var regime = random.Next(10) == 0 ? MarginRegime.Std : MarginRegime.Pm;
            var book = AccountBook.Create(model, new Portfolio { Regime = regime, Balances = balances, Positions = positions });
            accounts.Add(($"acct-{i:D4}", book));
        }

        return accounts;
    }
}

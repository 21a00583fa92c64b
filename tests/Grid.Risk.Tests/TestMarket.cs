using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Tests;

/// <summary>A small BTC market on the default rulebook for hand-written tests.</summary>
internal static class TestMarket
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public static readonly Instrument Perp = new() { Id = "BTC-PERP", Kind = InstrumentKind.LinearPerp, Group = "BTC", Underlying = "BTC", Settlement = "USDT" };

    public static readonly Instrument Call = new()
    {
        Id = "BTC-30D-60000-C", Kind = InstrumentKind.Option, Group = "BTC", Underlying = "BTC", Strike = 60_000,
        OptionType = OptionType.Call, Expiry = AsOf.AddDays(30), Settlement = "USDC",
    };

    public static MarketSnapshot Market(double index = 60_000, double mark = 60_000, double vol = 0.55) => new()
    {
        AsOf = AsOf,
        Index = new Dictionary<string, double> { ["BTC"] = index, ["ETH"] = 3_000 },
        Marks = new Dictionary<string, double> { ["BTC-PERP"] = mark },
        Forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>
        {
            ["BTC"] = new Dictionary<DateTimeOffset, double> { [AsOf.AddDays(30)] = mark },
        },
        Vols = new Dictionary<string, double> { ["BTC-30D-60000-C"] = vol },
    };

    public static RiskModel Model(MarketSnapshot? market = null) => RiskModel.Build(Rulebook.Default, [Perp, Call], market ?? Market());

    public static AccountBook Account(double usd, params Position[] positions)
        => AccountBook.Create(Model(), new Portfolio { Balances = new Dictionary<string, double> { ["USD"] = usd }, Positions = positions });
}

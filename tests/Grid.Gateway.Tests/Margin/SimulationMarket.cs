using Grid.Abstractions.Market;
using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;
using Grid.Risk.Simulation;

namespace Grid.Gateway.Tests.Margin;

/// <summary>A small live listing on the default rulebook (BTC and ETH perps, a BTC call, an unpriced ETH call) for the simulator's gateway tests.</summary>
internal sealed class SimulationMarket : IListedMarketSource
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public static readonly Instrument BtcPerp = new() { Id = "BTC-PERP", Kind = InstrumentKind.LinearPerp, Group = "BTC", Underlying = "BTC", Settlement = "USDT" };

    public static readonly Instrument EthPerp = new() { Id = "ETH-PERP", Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH", Settlement = "USDT" };

    public static readonly Instrument BtcCall = new()
    {
        Id = "BTC-30D-60000-C", Kind = InstrumentKind.Option, Group = "BTC", Underlying = "BTC", Strike = 60_000,
        OptionType = OptionType.Call, Expiry = AsOf.AddDays(30), Settlement = "USDC",
    };

    public static readonly Instrument EthCall = BtcCall with { Id = "ETH-30D-3000-C", Group = "ETH", Underlying = "ETH", Strike = 3_000 };

    public SimulationMarket()
    {
        var market = new MarketSnapshot
        {
            AsOf = AsOf,
            Index = new Dictionary<string, double> { ["BTC"] = 60_000, ["ETH"] = 3_000 },
            Marks = new Dictionary<string, double> { ["BTC-PERP"] = 60_000, ["ETH-PERP"] = 3_000 },
            Forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>
            {
                ["BTC"] = new Dictionary<DateTimeOffset, double> { [AsOf.AddDays(30)] = 60_000 },
                ["ETH"] = new Dictionary<DateTimeOffset, double> { [AsOf.AddDays(30)] = 3_000 },
            },
            Vols = new Dictionary<string, double> { [BtcCall.Id] = 0.55 },
        };
        var skipped = new List<RiskInputException>();
        var model = RiskModel.Build(Rulebook.Default, [BtcPerp, EthPerp, BtcCall, EthCall], market, skipped);
        Current = new ListedMarket(
            model, [BtcPerp, EthPerp, BtcCall, EthCall], new Dictionary<string, string> { [EthCall.Id] = skipped.Single().Message },
            new Dictionary<string, TradingLimits> { ["BTC-PERP"] = new() { PriceBand = 0.1 } });
    }

    public ListedMarket Current { get; }
}

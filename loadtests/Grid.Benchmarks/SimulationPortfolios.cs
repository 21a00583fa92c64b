using Grid.Abstractions.Market;
using Grid.Api.V1;
using Grid.Risk.Instruments;
using InstrumentKind = Grid.Risk.Instruments.InstrumentKind;
using OptionType = Grid.Risk.Instruments.OptionType;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;
using Grid.Risk.Simulation;
using Core = Grid.Risk.Accounts;

namespace Grid.Benchmarks;

/// <summary>
/// What the margin simulator's benchmarks send: the 20-position account (3 groups, options, 10 resting
/// orders) on its market, and a 1,000-position options book on a listing of 1,000 BTC and ETH options (10
/// expiries × 25 strikes × call and put per coin), both as typed Margin.Simulate requests on a live listing.
/// </summary>
internal static class SimulationPortfolios
{
    private static readonly DateTimeOffset AsOf = BenchmarkAccount.AsOf;

    /// <summary>The live listing a silo would hold: the model with no limits.</summary>
    public sealed class Listing(RiskModel model) : IListedMarketSource
    {
        public ListedMarket Current { get; } = ListedMarket.Of(model);
    }

    public static SimulateRequest Request(Core.Portfolio portfolio)
    {
        var holdings = new SimulatedPortfolio { Regime = Api.V1.MarginRegime.Pm };
        foreach (var (asset, amount) in portfolio.Balances)
        {
            holdings.Balances.Add(new SimulatedBalance { Asset = asset, Amount = Dec(amount) });
        }

        foreach (var p in portfolio.Positions)
        {
            holdings.Positions.Add(new SimulatedPosition { InstrumentId = p.Instrument, Qty = Dec(p.Qty), EntryPrice = p.Entry > 0 ? Dec(p.Entry) : null });
        }

        foreach (var o in portfolio.Orders)
        {
            holdings.Orders.Add(new SimulatedOrder { InstrumentId = o.Instrument, Side = o.Side == Core.Side.Buy ? Side.Buy : Side.Sell, Qty = Dec(o.Qty), Price = Dec(o.Price), ClientOrderId = o.OrderId ?? "" });
        }

        return new SimulateRequest { Holdings = holdings };
    }

    public static (RiskModel Model, Core.Portfolio Portfolio) Large()
    {
        var instruments = new List<Instrument>
        {
            new() { Id = "BTC-PERP", Kind = InstrumentKind.LinearPerp, Group = "BTC", Underlying = "BTC", Settlement = "USDT" },
            new() { Id = "ETH-PERP", Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH", Settlement = "USDT" },
        };
        var forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>();
        var vols = new Dictionary<string, double>();
        var positions = new List<Core.Position>();
        foreach (var (coin, spot) in new[] { ("BTC", 60_000.0), ("ETH", 3_000.0) })
        {
            var curve = new Dictionary<DateTimeOffset, double>();
            for (var e = 1; e <= 10; e++)
            {
                var expiry = AsOf.AddDays(14 * e);
                curve[expiry] = spot * (1 + (0.002 * e));
                for (var k = 0; k < 25; k++)
                {
                    var strike = Math.Round(spot * (0.6 + (0.8 * k / 24)), 0);
                    foreach (var type in (ReadOnlySpan<OptionType>)[OptionType.Call, OptionType.Put])
                    {
                        var id = $"{coin}-{14 * e}D-{strike}-{(type == OptionType.Call ? 'C' : 'P')}";
                        instruments.Add(new Instrument { Id = id, Kind = InstrumentKind.Option, Group = coin, Underlying = coin, Strike = strike, OptionType = type, Expiry = expiry, Settlement = "USDC" });
                        vols[id] = 0.5 + (0.01 * Math.Abs(k - 12));
                        positions.Add(new Core.Position(id, ((positions.Count % 7) - 3) is var q && q != 0 ? q : 1));
                    }
                }
            }

            forwards[coin] = curve;
        }

        var market = new MarketSnapshot
        {
            AsOf = AsOf,
            Index = new Dictionary<string, double> { ["BTC"] = 60_000, ["ETH"] = 3_000, ["USDT"] = 1, ["USDC"] = 1 },
            Marks = new Dictionary<string, double> { ["BTC-PERP"] = 60_010, ["ETH-PERP"] = 3_001 },
            Forwards = forwards,
            Vols = vols,
        };
        var portfolio = new Core.Portfolio
        {
            Balances = new Dictionary<string, double> { ["USD"] = 50_000_000, ["BTC"] = 50 },
            Positions = positions,
        };
        return (RiskModel.Build(Rulebook.Default, instruments, market), portfolio);
    }

    private static Api.V1.Decimal Dec(double value)
    {
        var d = (decimal)value;
        var units = decimal.Truncate(d);
        return new Api.V1.Decimal { Units = (long)units, Nanos = (int)((d - units) * 1_000_000_000m) };
    }
}

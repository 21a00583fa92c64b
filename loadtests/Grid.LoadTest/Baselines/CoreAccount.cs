using Grid.LoadTest.Workload;
using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.LoadTest.Baselines;

/// <summary>
/// The in-process equivalent of a load account in steady state: the demo market's perps (linear,
/// USDT-settled, on the default rulebook), 10,000,000 USD, a position in each instrument and
/// <see cref="RestingOrders"/> resting orders near the reference prices, as the generator leaves them.
/// </summary>
public static class CoreAccount
{
    /// <summary>Resting orders on the account (the generator's default cap is 32; accounts hover below it).</summary>
    public const int RestingOrders = 24;

    /// <summary>The risk model of the traded instruments, priced at their reference prices.</summary>
    public static RiskModel Model(IReadOnlyList<TradedInstrument> traded)
    {
        var instruments = traded.Select(t => new Instrument
        {
            Id = t.Id, Kind = InstrumentKind.LinearPerp, Group = Underlying(t.Id), Underlying = Underlying(t.Id), Multiplier = 1, Settlement = "USDT",
        }).ToList();
        var index = new Dictionary<string, double> { ["USDT"] = 1, ["USDC"] = 1 };
        foreach (var t in traded)
        {
            index[Underlying(t.Id)] = (double)t.Reference;
        }

        var market = new MarketSnapshot
        {
            AsOf = DateTimeOffset.UtcNow,
            Index = index,
            Marks = traded.ToDictionary(t => t.Id, t => (double)t.Reference),
            Rate = 0.04,
        };
        return RiskModel.Build(Rulebook.Default, instruments, market);
    }

    /// <summary>The account: funding in USD, one position per instrument, resting orders on both sides.</summary>
    public static Portfolio Portfolio(IReadOnlyList<TradedInstrument> traded, decimal funding, Random random)
    {
        var positions = traded.Select((t, i) => new Position(t.Id, (double)(t.Lot * (i % 2 == 0 ? 10 : -10)), (double)t.Reference)).ToList();
        var orders = new List<RestingOrder>();
        for (var k = 0; k < RestingOrders; k++)
        {
            var t = traded[k % traded.Count];
            var side = k % 2 == 0 ? Side.Buy : Side.Sell;
            var offset = (double)(t.Spread * t.Reference) * random.NextDouble();
            orders.Add(new RestingOrder(t.Id, side, (double)(t.Lot * random.Next(1, 21)), (double)t.Reference + (side == Side.Buy ? -offset : offset), $"rest-{k}"));
        }

        return new Portfolio
        {
            Regime = MarginRegime.Pm,
            Balances = new Dictionary<string, double> { ["USD"] = (double)funding },
            Positions = positions,
            Orders = orders,
        };
    }

    /// <summary>"BTC-PERP" → "BTC".</summary>
    public static string Underlying(string instrumentId)
    {
        var dash = instrumentId.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? instrumentId[..dash] : instrumentId;
    }
}

using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Monitoring;
using Grid.Risk.Rulebooks;

namespace Grid.Benchmarks;

/// <summary>
/// Realistic accounts for the stress benchmarks, on the shock benchmark's catalog (BTC and ETH perps,
/// a future, 40 options): 80% hold 1–3 perps, 20% hold 10–50 positions including options; collateral
/// between 0.6× and 3× the requirement, split over USD, USDT, USDC, BTC and ETH; one in 20 borrows a
/// coin; one in 10 is STD.
/// </summary>
internal static class StressAccounts
{
    public static RiskModel Model()
    {
        var (instruments, market) = ShockBenchmark.Catalog();
        return RiskModel.Build(Rulebook.Default, instruments, market);
    }

    /// <summary>Yields <paramref name="count"/> replicas against <paramref name="model"/> (seeded).</summary>
    public static IEnumerable<MonitoredAccount> Replicas(RiskModel model, int count, int seed = 42)
    {
        var random = new Random(seed);
        var perps = new[] { model.Instrument("BTC-PERP").Index, model.Instrument("ETH-PERP").Index, model.Instrument("BTC-F90").Index };
        var book = AccountBook.Empty(model);
        var btc = model.Asset("BTC");
        var eth = model.Asset("ETH");
        for (var i = 0; i < count; i++)
        {
            var regime = random.Next(10) == 0 ? MarginRegime.Std : MarginRegime.Pm;
            book.Reset(model, regime, null);
            var large = random.NextDouble() < 0.2;
            var n = large ? random.Next(10, 51) : random.Next(1, 4);
            for (var k = 0; k < n; k++)
            {
                var instrument = large ? random.Next(model.Instruments.Length) : perps[random.Next(perps.Length)];
                var risk = model.Instruments[instrument];
                var qty = Math.Round((random.NextDouble() * 2 - 1) * (risk.Kind == Grid.Risk.Instruments.InstrumentKind.Option ? 20 : 5 * 60_000 / risk.Mark), 3);
                book.LoadPosition(instrument, qty, risk.Mark * (1 + (random.NextDouble() - 0.5) * 0.02), Math.Round(random.NextDouble() * 20, 2));
            }

            if (random.Next(20) == 0)
            {
                book.LoadBalance(random.Next(2) == 0 ? btc.Index : eth.Index, -random.NextDouble() * 2);
            }

            book.Rebuild(model);
            var im = book.Figures().ImPositions;
            var collateral = Math.Max(1_000, im * (0.6 + random.NextDouble() * 2.4) - book.AdjustedEquity());
            var shares = new[] { random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble() };
            var total = shares.Sum() + 1;
            book.LoadBalance(model.Usd, collateral / total);
            book.LoadBalance(model.Asset("USDT").Index, collateral * shares[0] / total);
            book.LoadBalance(model.Asset("USDC").Index, collateral * shares[1] / total);
            if (book.Balances[btc.Index] == 0)
            {
                book.LoadBalance(btc.Index, collateral * shares[2] / total / btc.Price);
            }

            if (book.Balances[eth.Index] == 0)
            {
                book.LoadBalance(eth.Index, collateral * shares[3] / total / eth.Price);
            }

            book.Rebuild(model);
            yield return MonitoredAccount.From($"acct-{i:D7}", 1, book);
        }
    }
}

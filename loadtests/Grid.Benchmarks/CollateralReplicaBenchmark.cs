using System.Diagnostics;
using System.Globalization;
using Grid.Risk.Accounts;
using Grid.Risk.Monitoring;
using Grid.Risk.Rulebooks;
using Grid.Risk.Stress;

namespace Grid.Benchmarks;

/// <summary>
/// What holding collateral-only accounts costs a silo's monitor (they count in house stress, Rulebook
/// §5.3): loads N accounts holding one to three assets and no position, and prints the bytes each
/// costs the monitor (replica, its arrays, its slot; the id string is the grain's), a re-margin sweep
/// over them (they are skipped: their state cannot change) and a house stress run over them.
/// Run: <c>dotnet run -c Release --project loadtests/Grid.Benchmarks -- collateral [accounts]</c>.
/// </summary>
internal static class CollateralReplicaBenchmark
{
    public static void Run(string[] args)
    {
        var accounts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var (instruments, market) = ShockBenchmark.Catalog();
        var model = Risk.Market.RiskModel.Build(Rulebook.Default, instruments, market);
        var assets = new[] { "USD", "USDT", "USDC", "BTC", "ETH" }.Select(a => model.Asset(a).Index).ToArray();
        var ids = Enumerable.Range(0, accounts).Select(i => $"coll-{i:D7}").ToArray();
        var random = new Random(7);
        var scratch = AccountBook.Empty(model);
        var monitor = new MarginMonitor();

        GC.Collect(2, GCCollectionMode.Forced, true, true);
        var before = GC.GetTotalMemory(true);
        for (var i = 0; i < accounts; i++)
        {
            scratch.Reset(model, MarginRegime.Pm, null);
            var n = random.Next(1, 4);
            for (var k = 0; k < n; k++)
            {
                var a = assets[random.Next(assets.Length)];
                scratch.LoadBalance(a, Math.Round(random.NextDouble() * 10_000 / Math.Max(1, model.Assets[a].Price), 6) + 0.001);
            }

            scratch.Rebuild(model);
            monitor.Upsert(MonitoredAccount.From(ids[i], 1, scratch));
        }

        GC.Collect(2, GCCollectionMode.Forced, true, true);
        var bytes = (GC.GetTotalMemory(true) - before) / (double)accounts;
        var sweep = monitor.Sweep(model);
        var stress = StressMarket.Build(model);
        monitor.Stress(stress);
        var clock = Stopwatch.StartNew();
        var house = monitor.Stress(stress).Result();
        clock.Stop();

        Console.WriteLine($"collateral-only accounts     {accounts:N0}");
        Console.WriteLine($"bytes per account (monitor)  {bytes:N0}");
        Console.WriteLine($"re-margin sweep              {sweep.Evaluated:N0} evaluated in {sweep.Elapsed.TotalMilliseconds:N0} ms (skipped: state cannot change)");
        Console.WriteLine($"house stress, six scenarios  {clock.Elapsed.TotalMilliseconds:N0} ms, crypto crash P&L {house.Scenarios[0].TotalPnl:N0} USD, deficits {house.Scenarios.Sum(s => s.AccountsInDeficit)}");
    }
}

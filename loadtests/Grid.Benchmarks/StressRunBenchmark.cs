using System.Diagnostics;
using System.Globalization;
using Grid.Risk.Monitoring;
using Grid.Risk.Stress;

namespace Grid.Benchmarks;

/// <summary>
/// A house stress run over N realistic accounts held by one margin monitor (as a silo holds them):
/// all six default scenarios, partitions in parallel on every core, partials merged. Prints each
/// run's time and the house figures.
/// Run: <c>dotnet run -c Release --project loadtests/Grid.Benchmarks -- stress [accounts] [runs]</c>.
/// </summary>
internal static class StressRunBenchmark
{
    public static void Run(string[] args)
    {
        var accounts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var model = StressAccounts.Model();
        var monitor = new MarginMonitor();
        var load = Stopwatch.StartNew();
        foreach (var replica in StressAccounts.Replicas(model, accounts))
        {
            monitor.Upsert(replica);
        }

        load.Stop();
        Console.WriteLine($"accounts                 {monitor.Count:N0} (loaded in {load.Elapsed.TotalSeconds:F1} s), {Environment.ProcessorCount} cores");

        var shock = Stopwatch.StartNew();
        var market = StressMarket.Build(model);
        shock.Stop();
        Console.WriteLine($"shock the market         {shock.Elapsed.TotalMilliseconds:F2} ms ({market.Count} scenarios, {model.Instruments.Length} instruments, once per run)");

        monitor.Stress(market);
        HouseStress? house = null;
        for (var i = 1; i <= runs; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, true, true);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            house = monitor.Stress(market);
            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            Console.WriteLine($"run {i}: six scenarios over every account  {clock.Elapsed.TotalMilliseconds:N0} ms  ({clock.Elapsed.TotalMilliseconds * 1e6 / accounts:F0} ns per account, {house.Accounts / clock.Elapsed.TotalSeconds:N0} accounts/s, {allocated:N0} bytes allocated in all)");
        }

        var result = house!.Result();
        Console.WriteLine($"valued {result.Accounts:N0}, skipped {result.Skipped:N0}; rulebook {result.RulebookVersion}, market {result.MarketAsOf:O}");
        foreach (var s in result.Scenarios)
        {
            Console.WriteLine($"  {s.Scenario,-18} P&L {s.TotalPnl,20:N0}  deficit {s.TotalDeficit,16:N0}  in deficit {s.AccountsInDeficit,8:N0}  Cover-2 {s.Cover2,14:N0}  coverage {s.CoverageRatio:F2}");
        }

        Console.WriteLine($"worst scenario: {result.Worst?.Scenario}; target: all six scenarios over 1,000,000 accounts <= 3,000 ms");

        // The other half of a house run on the grid: the cross-margin dependency (§5.4) of every account.
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        var dependencyClock = Stopwatch.StartNew();
        var dependency = monitor.Dependency(model).Result();
        dependencyClock.Stop();
        Console.WriteLine($"dependency (§5.4) over every account  {dependencyClock.Elapsed.TotalMilliseconds:N0} ms  ({dependencyClock.Elapsed.TotalMilliseconds * 1e6 / accounts:F0} ns per account); leaving OK without credits {dependency.LeavingOk:N0}");
    }
}

using System.Diagnostics;
using System.Globalization;
using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Monitoring;
using Grid.Risk.Rulebooks;

namespace Grid.Benchmarks;

/// <summary>
/// Loads N accounts into a margin monitor (80% with 1–3 perp positions, 20% with 10–50 positions
/// including options), applies a market-wide shock, and prints the time to re-margin everything and
/// collect every state change, the rate, and the bytes each account costs the monitor.
/// Run: <c>dotnet run -c Release --project loadtests/Grid.Benchmarks -- shock [accounts] [shock]</c>.
/// </summary>
internal static class ShockBenchmark
{
    public static void Run(string[] args)
    {
        var accounts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var shock = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : -0.10;
        var (instruments, market) = Catalog();
        var model = RiskModel.Build(Rulebook.Default, instruments, market);
        var monitor = new MarginMonitor();
        var random = new Random(42);
        var perps = new[] { model.Instrument("BTC-PERP").Index, model.Instrument("ETH-PERP").Index, model.Instrument("BTC-F90").Index };
        var all = Enumerable.Range(0, model.Instruments.Length).ToArray();
        var ids = Enumerable.Range(0, accounts).Select(i => $"acct-{i:D7}").ToArray();
        var scratch = AccountBook.Empty(model);

        GC.Collect(2, GCCollectionMode.Forced, true, true);
        var before = GC.GetTotalMemory(true);
        var load = Stopwatch.StartNew();
        var exposure = new double[accounts];
        for (var i = 0; i < accounts; i++)
        {
            scratch.Reset(model, MarginRegime.Pm, null);
            var large = random.NextDouble() < 0.2;
            var n = large ? random.Next(10, 51) : random.Next(1, 4);
            for (var k = 0; k < n; k++)
            {
                var instrument = large ? all[random.Next(all.Length)] : perps[random.Next(perps.Length)];
                var risk = model.Instruments[instrument];
                var qty = Math.Round((random.NextDouble() * 2 - 1) * (risk.Kind.IsOption() ? 20 : 5 * 60_000 / risk.Mark), 3);
                scratch.LoadPosition(instrument, qty, risk.Mark * (1 + (random.NextDouble() - 0.5) * 0.02), 0);
            }

            scratch.Rebuild(model);
            // Collateral between 0.6× and 3× the requirement: a 10% move tips a realistic share into margin call.
            var im = scratch.Figures().ImPositions;
            scratch.LoadBalance(model.Usd, Math.Max(1_000, im * (0.6 + random.NextDouble() * 2.4) - scratch.DerivativeValue()));
            scratch.Rebuild(model);
            exposure[i] = im;
            monitor.Upsert(MonitoredAccount.From(ids[i], 1, scratch));
        }

        load.Stop();
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        var bytes = (GC.GetTotalMemory(true) - before) / (double)accounts;
        var states = monitor.Snapshot().GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count());

        var shocked = model.Reprice(Shock(market, shock));
        var warm = monitor.Sweep(model);
        var sweep = monitor.Sweep(shocked);
        var back = monitor.Sweep(model);

        Console.WriteLine($"accounts                     {accounts:N0} (loaded in {load.Elapsed.TotalSeconds:F1} s)");
        Console.WriteLine($"states before                {Format(states)}");
        Console.WriteLine($"bytes per account (monitor)  {bytes:N0}");
        Console.WriteLine($"shock                        {shock:P0} on every index, mark and forward");
        Console.WriteLine($"re-margin all + events       {sweep.Elapsed.TotalMilliseconds:N0} ms  ({sweep.Evaluated / sweep.Elapsed.TotalSeconds:N0} accounts/s, {Environment.ProcessorCount} cores)");
        Console.WriteLine($"state changes (events)       {sweep.Transitions.Count:N0}: {Format(sweep.Transitions.GroupBy(t => $"{t.From}->{t.To}").ToDictionary(g => g.Key, g => g.Count()))}");
        Console.WriteLine($"baseline: unshocked re-margin {warm.Elapsed.TotalMilliseconds:N0} ms; shock undone {back.Elapsed.TotalMilliseconds:N0} ms ({back.Transitions.Count:N0} changes back)");
        Console.WriteLine($"targets: <= 1,000 ms and <= 2,048 bytes per account");
    }

    private static string Format<T>(Dictionary<T, int> counts) where T : notnull
        => string.Join(", ", counts.OrderBy(c => c.Key.ToString(), StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value:N0}"));

    private static MarketSnapshot Shock(MarketSnapshot m, double s) => m with
    {
        Index = m.Index.ToDictionary(p => p.Key, p => p.Key is "USD" or "USDT" or "USDC" ? p.Value : p.Value * (1 + s)),
        Marks = m.Marks.ToDictionary(p => p.Key, p => p.Value * (1 + s)),
        Forwards = m.Forwards.ToDictionary(u => u.Key, u => (IReadOnlyDictionary<DateTimeOffset, double>)u.Value.ToDictionary(f => f.Key, f => f.Value * (1 + s))),
    };

    internal static (List<Instrument>, MarketSnapshot) Catalog()
    {
        var asOf = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        var instruments = new List<Instrument>
        {
            new() { Id = "BTC-PERP", Kind = InstrumentKind.LinearPerp, Group = "BTC", Underlying = "BTC" },
            new() { Id = "ETH-PERP", Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH" },
            new() { Id = "BTC-F90", Kind = InstrumentKind.LinearFuture, Group = "BTC", Underlying = "BTC", Expiry = asOf.AddDays(90) },
        };
        var vols = new Dictionary<string, double>();
        var forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>();
        foreach (var (u, spot) in new[] { ("BTC", 60_000.0), ("ETH", 3_000.0) })
        {
            var curve = new Dictionary<DateTimeOffset, double>();
            foreach (var days in new[] { 30, 90 })
            {
                curve[asOf.AddDays(days)] = spot * (1 + 0.0001 * days);
                foreach (var k in new[] { 0.8, 0.9, 1.0, 1.1, 1.2 })
                {
                    foreach (var type in new[] { OptionType.Call, OptionType.Put })
                    {
                        var id = $"{u}-{days}D-{spot * k}-{type}";
                        instruments.Add(new Instrument { Id = id, Kind = InstrumentKind.Option, Group = u, Underlying = u, Strike = spot * k, OptionType = type, Expiry = asOf.AddDays(days) });
                        vols[id] = 0.5 + 0.2 * Math.Abs(1 - k);
                    }
                }
            }

            forwards[u] = curve;
        }

        var market = new MarketSnapshot
        {
            AsOf = asOf,
            Index = new Dictionary<string, double> { ["BTC"] = 60_000, ["ETH"] = 3_000, ["USDT"] = 1, ["USDC"] = 1 },
            Marks = new Dictionary<string, double> { ["BTC-PERP"] = 60_000, ["ETH-PERP"] = 3_000, ["BTC-F90"] = 60_540 },
            Forwards = forwards,
            Vols = vols,
        };
        return (instruments, market);
    }
}

using System.Globalization;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Risk.Accounts;
using Grid.Grains.Accounts;
using Grid.Grains.Market;
using Grid.HopCosts.Calls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grid.HopCosts.Resident;

/// <summary>
/// Resident bytes per account (issue 16's budget: 4 KB per account, grain plus monitor): the managed heap
/// after a full GC, before and after N idle accounts exist, as (1) an activated AccountGrain funded once,
/// (2) an activation of a grain with no state (Orleans' own cost), (3) only what a shard grain would hold
/// per account: the record, the processor and its book, outside any activation.
/// </summary>
internal static class ResidentBytes
{
    public static async Task Run(IServiceProvider services, TextWriter output, int accounts)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        output.WriteLine("| per idle account | bytes | note |");
        output.WriteLine("|---|---:|---|");

        var before = Heap();
        for (var i = 0; i < accounts; i += 256)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(256, accounts - i)).Select(k => grains.GetGrain<IAccountGrain>($"resident-{k:D6}").Deposit($"fund-{k}", "USD", 10_000_000m).AsTask()));
        }

        Row(output, "AccountGrain activation, funded (record, processor, book, registry entry, storage entry)", (Heap() - before) / accounts, "in-memory mode; no positions, so no monitor replica");

        before = Heap();
        for (var i = 0; i < accounts; i += 256)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(256, accounts - i)).Select(k => grains.GetGrain<ICallProbeGrain>($"idle-{k:D6}").ValueTaskArrays([]).AsTask()));
        }

        Row(output, "activation of a stateless grain (Orleans' own per-activation cost)", (Heap() - before) / accounts, "catalog, directory, ActivationData, grain object");

        var market = services.GetRequiredService<MarketView>();
        var options = services.GetRequiredService<IOptions<AccountOptions>>().Value;
        var kept = new List<AccountProcessor>(accounts);
        before = Heap();
        for (var k = 0; k < accounts; k++)
        {
            var record = new AccountRecord();
            record.Balances["USD"] = 10_000_000m;
            var processor = new AccountProcessor($"shard-{k:D6}", record, () => market.Frame, options, TimeProvider.System);
            _ = processor.Book();
            kept.Add(processor);
        }

        Row(output, "per account inside a shard grain (record + processor + book, no activation)", (Heap() - before) / accounts, "what a single writer of many accounts holds per account");
        GC.KeepAlive(kept);
        kept.Clear();

        // Trading accounts as the load test leaves them (what issue 16's 4 KB must also hold): checks
        // remembered for idempotency, orders resting, and the monitor's replica.
        var trading = Math.Max(1, accounts / 4);
        foreach (var (checks, resting) in new[] { (options.IdempotencyWindow, 0), (24, 24), (options.IdempotencyWindow, 24) })
        {
            var desks = Trading(market, options, trading, checks, resting, out var bytes);
            Row(output, $"trading account inside a shard: {checks} checks remembered, {desks[0].Record.Orders.Count} resting", bytes, "record + processor + book");
            if (resting > 0 && checks == options.IdempotencyWindow)
            {
                Row(output, "  + its monitor replica (MonitoredAccount)", MeasureReplicas(desks), "per account at risk");
            }
        }
    }

    private static List<AccountProcessor> Trading(MarketView market, AccountOptions options, int accounts, int checks, int resting, out double bytesPerAccount)
    {
        var desks = new List<AccountProcessor>(accounts);
        var before = Heap();
        for (var k = 0; k < accounts; k++)
        {
            var record = new AccountRecord();
            record.Balances["USD"] = 10_000_000m;
            var processor = new AccountProcessor($"trading-{k:D6}", record, () => market.Frame, options, TimeProvider.System);
            for (var o = 0; o < checks; o++)
            {
                var id = $"trading-{k:D6}-{o:D8}";
                processor.Execute(new EngineCommand { CorrelationId = 1, Kind = CommandKind.Check, ClientOrderId = id, InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = 0.05m, Price = 59_900m, Venue = "grid-dev-engine" });
                if (o >= resting)
                {
                    processor.Execute(new EngineCommand { CorrelationId = 2, Kind = CommandKind.Cancel, ClientOrderId = id });
                }
            }

            desks.Add(processor);
        }

        bytesPerAccount = (Heap() - before) / (double)accounts;
        return desks;
    }

    private static double MeasureReplicas(List<AccountProcessor> desks)
    {
        var before = Heap();
        var extra = desks.Select(d => Grid.Risk.Monitoring.MonitoredAccount.From(d.AccountId, 2, d.Book()!)).ToList();
        var bytes = (Heap() - before) / (double)desks.Count;
        GC.KeepAlive(extra);
        return bytes;
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void Row(TextWriter output, string name, double bytes, string note)
        => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {bytes:N0} | {note} |"));
}

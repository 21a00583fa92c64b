using System.Globalization;
using Grid.Abstractions.Accounts;
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
/// per account: the record, the desk and its book, outside any activation.
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

        Row(output, "AccountGrain activation, funded (record, desk, book, registry entry, storage entry)", (Heap() - before) / accounts, "in-memory mode; no positions, so no monitor replica");

        before = Heap();
        for (var i = 0; i < accounts; i += 256)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(256, accounts - i)).Select(k => grains.GetGrain<ICallProbeGrain>($"idle-{k:D6}").ValueTaskArrays([]).AsTask()));
        }

        Row(output, "activation of a stateless grain (Orleans' own per-activation cost)", (Heap() - before) / accounts, "catalog, directory, ActivationData, grain object");

        var market = services.GetRequiredService<MarketView>();
        var options = services.GetRequiredService<IOptions<AccountOptions>>().Value;
        var kept = new List<AccountDesk>(accounts);
        before = Heap();
        for (var k = 0; k < accounts; k++)
        {
            var record = new AccountRecord();
            record.Balances["USD"] = 10_000_000m;
            var desk = new AccountDesk($"shard-{k:D6}", record, () => market.Frame, options, TimeProvider.System);
            _ = desk.Book();
            kept.Add(desk);
        }

        Row(output, "per account inside a shard grain (record + desk + book, no activation)", (Heap() - before) / accounts, "what a single writer of many accounts holds per account");
        GC.KeepAlive(kept);
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

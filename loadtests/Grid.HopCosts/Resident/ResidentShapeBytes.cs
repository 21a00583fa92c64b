using System.Globalization;
using Grid.Abstractions.Accounts;
using Grid.Grains.Monitoring;
using Grid.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;

namespace Grid.HopCosts.Resident;

/// <summary>
/// Issue 16's budget, measured on its account shape (<see cref="ResidentShape"/>): the managed heap after
/// a full GC as N such accounts are made through the grain, then taken apart step by step — the account
/// activations deactivated, the monitor's replicas dropped, the stored records dropped — so each step's
/// drop is that part's bytes. The store keeps records serialized, as Redis would (outside the silo).
/// SHAPE_PAUSE / SHAPE_PAUSE_END (seconds) pause after the accounts are made / at the end, for a heap
/// dump of what is resident (dotnet-dump collect, then dumpheap -stat).
/// </summary>
internal static class ResidentShapeBytes
{
    public static async Task Run(IServiceProvider services, TextWriter output, int accounts)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var monitor = services.GetRequiredService<SiloMarginMonitor>();
        var store = (SerializedGrainStorage)services.GetRequiredKeyedService<IGrainStorage>(GridStorage.Name);
        var ids = new string[accounts];
        for (var k = 0; k < accounts; k++)
        {
            ids[k] = $"shape-{k:D7}";
        }

        // One account and every registry bucket first: their fixed costs (the hub, 1,024 bucket activations,
        // ≈ 3 MB, ≈ 3 B per account at a million) stay outside the measurement.
        await ResidentShape.Make(grains.GetGrain<IAccountGrain>("shape-warmup"), "shape-warmup");
        var buckets = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Grid.Grains.Accounts.AccountRegistryOptions>>().Value.Buckets;
        await Task.WhenAll(Enumerable.Range(0, buckets).Select(b => grains.GetGrain<IAccountRegistryBucketGrain>(b).Find([])));
        var h0 = Heap();
        for (var i = 0; i < accounts; i += 256)
        {
            var batch = await Task.WhenAll(ids.AsSpan(i, Math.Min(256, accounts - i)).ToArray().Select(id => ResidentShape.Make(grains.GetGrain<IAccountGrain>(id), id)));
            if (batch.FirstOrDefault(r => r is not null) is { } refused)
            {
                output.WriteLine($"refused: {refused}");
                return;
            }
        }

        var recordBytes = store.BytesOf("account", grains.GetGrain<IAccountGrain>(ids[0]).GetGrainId());
        var h1 = Heap();
        if (Environment.GetEnvironmentVariable("SHAPE_PAUSE") is { } pause)
        {
            output.WriteLine($"pid {Environment.ProcessId}: pausing {pause} s");
            await Task.Delay(TimeSpan.FromSeconds(int.Parse(pause, CultureInfo.InvariantCulture)));
        }

        foreach (var chunk in ids.Chunk(256))
        {
            await Task.WhenAll(chunk.Select(id => grains.GetGrain<IAccountGrain>(id).Cast<IGrainManagementExtension>().DeactivateOnIdle().AsTask()));
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var h2 = Heap();
        var replica = monitor.Replica(ids[0]);
        foreach (var id in ids)
        {
            monitor.ClaimedElsewhere(id, "measurement");
        }

        var h3 = Heap();
        store.Clear();
        var h4 = Heap();
        if (Environment.GetEnvironmentVariable("SHAPE_PAUSE_END") is { } pauseEnd)
        {
            output.WriteLine($"pid {Environment.ProcessId}: pausing {pauseEnd} s");
            await Task.Delay(TimeSpan.FromSeconds(int.Parse(pauseEnd, CultureInfo.InvariantCulture)));
        }


        double Per(long bytes) => bytes / (double)accounts;
        output.WriteLine($"| per account: funded, 1 position, 5 resting orders ({accounts:N0} accounts) | bytes | note |");
        output.WriteLine("|---|---:|---|");
        Row(output, "whole silo heap, account active", Per(h1 - h0), "activation + record + processor + book + replica + registry entry + stored record");
        Row(output, "  account activation (Orleans' share and the grain's)", Per(h1 - h2), "dropped by deactivating the accounts");
        Row(output, "  monitor replica (MonitoredAccount and its slot)", Per(h2 - h3), $"formula {replica?.Bytes ?? 0} B");
        Row(output, "  stored record in the silo's serialized store", Per(h3 - h4), $"{recordBytes} B serialized: in Redis mode in Redis");
        Row(output, "  left: registry entry and the rest", Per(h4 - h0), "AccountRegistryBucketGrain summaries");
        Row(output, "**grid, account active** (activation + replica + registry)", Per(h1 - h0 - (h3 - h4)), "issue 16's budget: 4,096");
        Row(output, "**grid, account idle-deactivated** (replica + registry)", Per(h2 - h0 - (h3 - h4)), "the monitor alone keeps it margined");
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

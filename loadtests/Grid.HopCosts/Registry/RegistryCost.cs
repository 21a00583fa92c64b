using System.Diagnostics;
using Grid.Abstractions.Accounts;
using Grid.Grains;
using Grid.Grains.Accounts;
using Grid.Grains.Storage;
using Grid.Risk.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Grid.HopCosts.Registry;

/// <summary>
/// Issue 15 item 4: what a registry claim and lookup cost with N accounts registered, the registry split
/// into buckets. One silo, in-memory storage metered as Redis would store it; N accounts imported into
/// their buckets, then sequential claims of random existing accounts (each answered once its journal
/// write is stored), sequential lookups, and claims concentrated on one bucket (every ClaimJournal-th
/// claim folds the journal into the bucket's record: the steady cost of a busy bucket). The baseline
/// is the design before: one record of every account, rewritten whole by every claim (serialized once
/// here, as each such claim did).
/// </summary>
internal static class RegistryCost
{
    private const string Bucket = "account-registry-bucket";
    private const string Inner = "redis-measured";

    // redis: a connection string to store in Redis (as Redis mode does) instead of memory; empty for memory.
    public static async Task Run(TextWriter output, IReadOnlyList<int> sizes, int claims, string redis)
    {
        output.WriteLine($"storage: {(redis.Length == 0 ? "in-memory, metered as Redis would store it" : $"Redis at {redis}, metered")}");
        output.WriteLine("| accounts | claim wall µs | claim CPU µs | journal bytes per claim | record bytes per claim | lookup wall µs | one bucket: claim wall µs | one bucket: bytes per claim (journal + record) | before: bytes per claim | before: serialize ms |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var accounts in sizes)
        {
            await Measure(output, accounts, claims, redis);
        }
    }

    private static async Task Measure(TextWriter output, int accounts, int claims, string redis)
    {
        using var host = await Start(redis);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var storage = (MeteredGrainStorage)host.Services.GetRequiredKeyedService<IGrainStorage>(GridStorage.Name);
        var buckets = host.Services.GetRequiredService<IOptions<AccountRegistryOptions>>().Value.Buckets;
        var at = DateTimeOffset.UtcNow;
        var ids = new string[accounts];
        for (var i = 0; i < accounts; i++)
        {
            ids[i] = $"acc-{i:D7}";
        }

        var shares = ids.GroupBy(id => RegistryBuckets.Of(id, buckets)).ToList();
        for (var i = 0; i < shares.Count; i += 64)
        {
            await Task.WhenAll(shares.Skip(i).Take(64).Select(s => grains.GetGrain<IAccountRegistryBucketGrain>(s.Key).Import([.. s.Select(id => Summary(id, at))])));
        }

        var random = new Random(15);
        string Pick() => ids[random.Next(accounts)];
        for (var i = 0; i < claims / 10; i++)
        {
            var id = Pick();
            await RegistryBuckets.Grain(grains, id, buckets).Claim(Summary(id, DateTimeOffset.UtcNow));
        }

        var (journal, record) = (storage.Written(Bucket, "claims"), storage.Written(Bucket, "registry"));
        var claimCost = await Cost.Process(claims, async () =>
        {
            for (var i = 0; i < claims; i++)
            {
                var id = Pick();
                await RegistryBuckets.Grain(grains, id, buckets).Claim(Summary(id, DateTimeOffset.UtcNow));
            }
        });
        var journalBytes = (storage.Written(Bucket, "claims").Bytes - journal.Bytes) / (double)claims;
        var recordBytes = (storage.Written(Bucket, "registry").Bytes - record.Bytes) / (double)claims;

        var lookups = claims * 5;
        var lookupCost = await Cost.Process(lookups, async () =>
        {
            for (var i = 0; i < lookups; i++)
            {
                var id = Pick();
                _ = await RegistryBuckets.Grain(grains, id, buckets).Find([id]);
            }
        });

        var busy = shares[0].ToArray();
        var (busyJournal, busyRecord) = (storage.Written(Bucket, "claims").Bytes, storage.Written(Bucket, "registry").Bytes);
        var busyCost = await Cost.Process(claims, async () =>
        {
            var bucket = grains.GetGrain<IAccountRegistryBucketGrain>(shares[0].Key);
            for (var i = 0; i < claims; i++)
            {
                await bucket.Claim(Summary(busy[i % busy.Length], DateTimeOffset.UtcNow));
            }
        });
        var busyBytes = (storage.Written(Bucket, "claims").Bytes - busyJournal + storage.Written(Bucket, "registry").Bytes - busyRecord) / (double)claims;

        var (oldBytes, oldMs) = OldDesign(host.Services, ids, at);
        output.WriteLine($"| {accounts:N0} | {claimCost.WallUs:F0} | {claimCost.CpuUs:F0} | {journalBytes:N0} | {recordBytes:N0} | {lookupCost.WallUs:F0} | {busyCost.WallUs:F0} | {busyBytes:N0} | {oldBytes:N0} | {oldMs:F1} |");
        await host.StopAsync();
    }

    // The single record of earlier versions: every claim serialized all of it.
    private static (long Bytes, double Ms) OldDesign(IServiceProvider services, string[] ids, DateTimeOffset at)
    {
        var record = new RegistryRecord();
        foreach (var id in ids)
        {
            record.Accounts[id] = Summary(id, at);
        }

        var serializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        _ = serializer.Serialize(record);
        var started = Stopwatch.GetTimestamp();
        var bytes = serializer.Serialize(record).ToMemory().Length;
        return (bytes, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static AccountSummary Summary(string id, DateTimeOffset at) => new()
    {
        AccountId = id,
        State = AccountState.Ok,
        Equity = 125_000.5m,
        InitialMargin = 20_000.25m,
        MaintenanceMargin = 10_000.125m,
        Health = 0.92m,
        Silo = "10.0.0.17:11111@123456789",
        AtRisk = true,
        At = at,
    };

    private static async Task<IHost> Start(string redis)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: 11_978, gatewayPort: 30_978).AddGridGrains(builder.Configuration);
            if (redis.Length > 0)
            {
                silo.AddRedisGrainStorage(Inner, b => b.Configure<IServiceProvider>((o, sp) =>
                {
                    o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis);
                    o.GrainStorageSerializer = new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>());
                }));
            }

            silo.Services.AddKeyedSingleton<IGrainStorage>(GridStorage.Name, (sp, _) => new MeteredGrainStorage(
                redis.Length > 0 ? sp.GetRequiredKeyedService<IGrainStorage>(Inner) : ActivatorUtilities.CreateInstance<SiloMemoryGrainStorage>(sp),
                new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>())));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}

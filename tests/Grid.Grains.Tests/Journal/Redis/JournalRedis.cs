using Grid.Grains.Accounts;
using Grid.Grains.Storage;
using Grid.Grains.Journal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;

namespace Grid.Grains.Tests.Journal.Redis;

/// <summary>A private redis-server (not fsynced: these tests write much and restart nothing), a silo writer, and the serializer.</summary>
public sealed class JournalRedis : IAsyncLifetime
{
    private readonly RedisServer _redis = new(fsync: false);
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(AccountRecord).Assembly))
        .BuildServiceProvider();

    private SiloJournalWriter? _writer;

    public SiloJournalWriter Writer => _writer ?? throw new InvalidOperationException("redis-server is not running");

    public Serializer Serializer => _services.GetRequiredService<Serializer>();

    /// <summary>Stands in for the grain storage's whole records (the format before the journal).</summary>
    public SiloMemoryGrainStorage WholeRecords { get; private set; } = null!;

    public string ConnectionString => _redis.ConnectionString;

    internal RedisAccountJournal Open(string account, int snapshotEvery)
    {
        var id = GrainId.Create("account", account);
        return new RedisAccountJournal(id, JournalKeys.Of("journal-tests", id), Writer, Serializer, WholeRecords, snapshotEvery, NullLogger.Instance);
    }

    /// <summary>The store of Redis mode with Grid:Journal:Enabled=false.</summary>
    internal WholeRecordAfterJournal OpenWholeRecords(string account)
    {
        var id = GrainId.Create("account", account);
        return new WholeRecordAfterJournal(WholeRecords, id, JournalKeys.Of("journal-tests", id), Writer);
    }

    public async Task InitializeAsync()
    {
        WholeRecords = new SiloMemoryGrainStorage(_services.GetRequiredService<DeepCopier>());
        if (RedisServer.Binary is null)
        {
            return;
        }

        await _redis.StartAsync();
        // These tests send hundreds of scripts and writes at once (200 accounts activating together): on a loaded
        // machine redis-server answers some of them after more than the hosts' 3 s, which is slowness, not a failure.
        _writer = new SiloJournalWriter(_redis.ConnectionStringWaiting(TimeSpan.FromSeconds(30)), 512, NullLogger<SiloJournalWriter>.Instance);
    }

    public async Task DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        await _redis.DisposeAsync();
        await _services.DisposeAsync();
    }
}

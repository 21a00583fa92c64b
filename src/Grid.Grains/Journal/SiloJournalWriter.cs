using System.Diagnostics;
using Grid.Abstractions;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Grid.Grains.Journal;

/// <summary>
/// The silo's group commit across accounts: the writes of every account of this silo queue here, and one
/// writer sends all those ready in one Lua call (one Redis round trip, one script run), then answers each
/// account with its own outcome. While a call is in flight the next writes gather, so the batch grows
/// with the load; an account hears that its write is durable only once Redis has it. A failed call fails
/// every write it carried (their accounts reload, as after any failed write); nothing is retried here.
/// </summary>
public sealed class SiloJournalWriter : IAsyncDisposable
{
    private static readonly TimeSpan StopFlushLimit = TimeSpan.FromSeconds(5);

    // Batch sizes whose arrays are kept: 48 B a write, sizes 1-128 as they occur (0.8 MB if all do). Batches
    // reach 40-60 writes at ≈ 10,000 msgs/s on two cores; larger ones come with saturation.
    private const int KeptArrays = 128;
    private readonly Channel<JournalWrite> _queue = Channel.CreateUnbounded<JournalWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task<ConnectionMultiplexer>> _redis;
    private readonly int _maxBatch;
    private readonly ILogger<SiloJournalWriter> _logger;
    private readonly JournalCallArrays _arrays = new(KeptArrays);
    private readonly Task _loop;
    private long _roundTrips;
    private long _writes;

    /// <summary>Creates the writer; Redis is connected on first use.</summary>
    /// <param name="connection">The StackExchange.Redis connection string (the grid's Redis).</param>
    /// <param name="maxBatch">Most account writes per round trip (<see cref="JournalOptions.MaxBatch"/>).</param>
    /// <param name="logger">Where failed round trips are logged.</param>
    public SiloJournalWriter(string connection, int maxBatch, ILogger<SiloJournalWriter> logger)
    {
        var redis = ConfigurationOptions.Parse(connection);
        redis.AbortOnConnectFail = false;
        _redis = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(redis));
        _maxBatch = maxBatch;
        _logger = logger;
        _loop = Task.Run(Run);
    }

    /// <summary>Round trips made (each carries one or more account writes).</summary>
    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    /// <summary>Account writes sent.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>The database, for reads (activations).</summary>
    internal async Task<IDatabase> Database() => (await _redis.Value.ConfigureAwait(false)).GetDatabase();

    /// <summary>Queues one account's write: done once it is in Redis; failed when it is not, or when another activation wrote the account meanwhile.</summary>
    internal Task Write(JournalWrite write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            write.Fail(new ObjectDisposedException(nameof(SiloJournalWriter), "the silo is stopping"));
        }

        return write.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(StopFlushLimit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Redis is away: the writes left were never acknowledged, so nothing acknowledged is lost.
        }

        if (_redis.IsValueCreated && _redis.Value.IsCompletedSuccessfully)
        {
            await _redis.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task Run()
    {
        var reader = _queue.Reader;
        var batch = new List<JournalWrite>(_maxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            await Send(batch).ConfigureAwait(false);
        }
    }

    private async Task Send(List<JournalWrite> batch)
    {
        try
        {
            // Kept per batch size (a new pair a call was ≈ 100 B a write, docs/performance.md).
            var (keys, args) = _arrays.For(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var w = batch[i];
                keys[2 * i] = w.Keys.Head;
                keys[(2 * i) + 1] = w.Keys.Log;

                // Two strings a write (JournalScripts.Write): the kind rides on the fence's sign. A number goes as a
                // number: the client writes its digits without a string each.
                args[2 * i] = w.Snapshot ? -(w.Expected + 1) : w.Expected;
                args[(2 * i) + 1] = w.Data;
            }

            var db = await Database().ConfigureAwait(false);
            var refused = (RedisResult[])(await db.ScriptEvaluateAsync(JournalScripts.Write, keys, args).ConfigureAwait(false))!;
            JournalCallArrays.Answered(keys, args);
            Interlocked.Increment(ref _roundTrips);
            Interlocked.Add(ref _writes, batch.Count);
            var now = Stopwatch.GetTimestamp();
            var next = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                var w = batch[i];
                GridMetrics.StorageWrite.Record(Stopwatch.GetElapsedTime(w.Queued, now).TotalSeconds);

                // The refused positions come from 1, ascending.
                var written = next == refused.Length || (long)refused[next] != i + 1;
                next += written ? 0 : 1;
                w.Complete(written);
            }
        }
        catch (Exception e)
        {
            _arrays.Abandon();
            JournalLog.WriteFailed(_logger, batch.Count, e);
            foreach (var w in batch)
            {
                w.Fail(e);
            }
        }
    }
}

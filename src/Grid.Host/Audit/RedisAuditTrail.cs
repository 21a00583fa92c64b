using System.Text.RegularExpressions;
using System.Threading.Channels;
using Grid.Gateway.Audit;
using Grid.Host.Hosting;
using Grpc.Core;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wire = Grid.Api.V1;

namespace Grid.Host.Audit;

/// <summary>
/// Redis mode: every silo appends its records to one Redis stream (trimmed approximately to
/// <see cref="AuditOptions.MaxStreamLength"/>). Recording only enqueues (bounded, never blocking the
/// decision); one writer drains the queue in batches, one Lua call each (<see cref="RedisAuditScript"/>),
/// and retries while Redis is away. The
/// service is registered before the silo and the gateway, so it stops after them and flushes what
/// the draining streams recorded.
/// </summary>
public sealed partial class RedisAuditTrail : BackgroundService, IAuditTrail
{
    private const int BatchSize = 256;
    private const int ScanLimit = 20_000;
    private static readonly TimeSpan StopFlushLimit = TimeSpan.FromSeconds(5);

    private readonly AuditOptions _options;
    private readonly Channel<AuditEntry> _queue;
    private readonly Lazy<Task<ConnectionMultiplexer>> _redis;
    private readonly ILogger<RedisAuditTrail> _logger;
    private readonly RedisAuditBatch _args;
    private readonly RedisKey[] _streamKey;
    private long _dropped;

    /// <summary>Creates the trail; Redis is connected on first use.</summary>
    public RedisAuditTrail(IOptions<AuditOptions> options, IOptions<GridHostOptions> host, ILogger<RedisAuditTrail> logger)
    {
        _options = options.Value;
        _logger = logger;
        _queue = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(_options.Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var connection = host.Value.RedisConnectionString;
        _redis = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(connection));
        _args = new RedisAuditBatch(_options.Silo);
        _streamKey = [_options.StreamKey];
    }

    /// <summary>Records lost since start (queue full, or Redis away past shutdown).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public void Record(AuditEntry entry)
    {
        if (!_queue.Writer.TryWrite(entry))
        {
            Drop(1, "the audit queue is full (Grid:Audit:Capacity)");
        }
    }

    /// <inheritdoc />
    public async Task<Wire.QueryAuditResponse> Query(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.After.Length > 0 && !StreamId().IsMatch(query.After))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "page_token: is not a page token of this call"));
        }

        var response = new Wire.QueryAuditResponse { Dropped = (ulong)Dropped };
        var after = query.After;
        var scanned = 0;
        try
        {
            var db = (await _redis.Value.WaitAsync(cancellationToken)).GetDatabase();
            while (response.Records.Count < query.PageSize && scanned < ScanLimit)
            {
                var chunk = await db.StreamRangeAsync(_options.StreamKey, after.Length == 0 ? "-" : "(" + after, "+", BatchSize).WaitAsync(cancellationToken);
                foreach (var entry in chunk)
                {
                    scanned++;
                    after = entry.Id.ToString();
                    var record = RedisAuditFields.To(entry);
                    if (query.Matches(record))
                    {
                        response.Records.Add(record);
                        if (response.Records.Count == query.PageSize)
                        {
                            break;
                        }
                    }
                }

                if (chunk.Length < BatchSize && response.Records.Count < query.PageSize)
                {
                    response.End = true;
                    break;
                }
            }
        }
        catch (RedisException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"the audit stream cannot be read from Redis: {e.Message}"));
        }
        catch (InvalidDataException e)
        {
            // A stored record no reader can make sense of: named, so an operator can look at it and page past it.
            throw new RpcException(new Status(StatusCode.DataLoss, $"{e.Message}; the records after it are read with page_token={AuditQuery.PageToken(after)}"));
        }

        response.NextPageToken = after;
        return response;
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Nothing more is accepted; the writer flushes the queue (bounded by StopFlushLimit) and ends.
        _queue.Writer.TryComplete();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StopFlushLimit);
        try
        {
            await (ExecuteTask ?? Task.CompletedTask).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // Redis stayed away: what is left is counted below.
        }

        await base.StopAsync(cancellationToken);
        var left = _queue.Reader.Count;
        if (left > 0)
        {
            Drop(left, "Redis was unavailable while the silo stopped");
        }

        if (_redis.IsValueCreated && _redis.Value.IsCompletedSuccessfully)
        {
            await _redis.Value.Result.DisposeAsync();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEntry>(BatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < BatchSize && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            await Write(batch, stoppingToken);
        }
    }

    private async Task Write(List<AuditEntry> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            RedisValue[] args;
            try
            {
                args = _args.Args(batch, _options.MaxStreamLength);
            }
            catch (Exception e)
            {
                // Not Redis: a record that cannot be written (the writer escapes what protobuf's formatter refuses,
                // so this is a fault of ours). Retrying would fail again; the batch is dropped, counted and logged,
                // and the trail goes on instead of ending its writer (and the host with it).
                _args.Abandon();
                AuditLog.FormatFailed(_logger, batch.Count, e);
                Drop(batch.Count, "a record could not be written");
                return;
            }

            try
            {
                var db = (await _redis.Value).GetDatabase();
                await db.ScriptEvaluateAsync(RedisAuditScript.Append, _streamKey, args);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                _args.Abandon();
                AuditLog.WriteFailed(_logger, batch.Count, attempt, e);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * (1 << Math.Min(attempt, 6)))), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    Drop(batch.Count, "Redis was unavailable while the silo stopped");
                    return;
                }
            }
        }
    }

    private void Drop(int count, string cause)
    {
        var total = Interlocked.Add(ref _dropped, count);
        if (((total - count) ^ total) > (total - count))
        {
            // Logged when the total passes a power of two: a flood of drops is a handful of lines.
            AuditLog.Dropped(_logger, count, cause, total);
        }
    }

    [GeneratedRegex(@"^\d{1,20}-\d{1,20}$")]
    private static partial Regex StreamId();
}

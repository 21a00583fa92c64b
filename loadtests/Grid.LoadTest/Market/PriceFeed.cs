using System.Collections.Concurrent;
using System.Diagnostics;
using Grid.Api.V1;
using Grid.LoadTest.Measurement;
using Grid.LoadTest.Reporting;
using Grid.LoadTest.Transport;
using Grpc.Core;
using Grpc.Net.Client;
using HdrHistogram;

namespace Grid.LoadTest.Market;

/// <summary>
/// The price feeder of a phase: its own channel and MarketData.Publish stream, R batches per second on a
/// fixed schedule (<see cref="FeedSchedule"/>), each one underlying's step of the <see cref="MarketWalk"/>,
/// stamped with the send time; a reader matches each PublishAck to its batch by sequence. Batches planned
/// in the phase's measured window are counted and their ack latency recorded.
/// </summary>
public sealed class PriceFeed : IAsyncDisposable
{
    private readonly MarketWalk _walk;
    private readonly FeedSchedule _schedule;
    private readonly PhaseClock _clock;
    private readonly GrpcChannel _channel;
    private readonly AsyncDuplexStreamingCall<PriceBatch, PublishAck> _call;
    private readonly ConcurrentDictionary<ulong, (long Sent, bool Measured)> _inFlight = new();
    private readonly LongHistogram _latency = new(1, LatencyRecorders.HighestMicros, 3);
    private readonly CancellationTokenSource _stop = new();
    private Task _sender = Task.CompletedTask;
    private Task _reader = Task.CompletedTask;
    private ulong _sequence = (ulong)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000);
    private DateTimeOffset _last;
    private long _published, _acked, _refused, _rejectedUpdates, _updates;
    private string? _failure;

    /// <summary>Opens the feeder's stream on its own channel (nothing is sent until <see cref="Start"/>).</summary>
    public PriceFeed(Uri target, string apiKey, MarketWalk walk, double rate, PhaseClock clock)
    {
        _walk = walk;
        _schedule = new FeedSchedule(rate, walk.Underlyings.Count);
        _clock = clock;
        _channel = EngineChannels.Create(target);
        _call = new MarketData.MarketDataClient(_channel).Publish(new Metadata { { "x-api-key", apiKey } });
    }

    /// <summary>Publishes every key of the walk once, unmeasured, and waits for its ack (the phase's market starts from it).</summary>
    public static async Task PublishAll(Uri target, string apiKey, MarketWalk walk, TextWriter output)
    {
        using var channel = EngineChannels.Create(target);
        var client = new MarketData.MarketDataClient(channel);
        var batch = new PriceBatch { Sequence = (ulong)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000) - 1 };
        batch.Updates.AddRange(walk.All(DateTimeOffset.UtcNow));
        var ack = await client.PublishOnceAsync(batch, new Metadata { { "x-api-key", apiKey } }, deadline: DateTime.UtcNow.AddSeconds(60));
        if (ack.Rejected.Count > 0)
        {
            throw new InvalidOperationException($"the market's first batch was refused in part: {ack.Rejected[0].Error.Message} (update {ack.Rejected[0].Index} of {batch.Updates.Count})");
        }

        output.WriteLine($"market: published {batch.Updates.Count} price keys ({ack.Accepted} applied)");
    }

    /// <summary>Starts sending and reading; the schedule starts now.</summary>
    public void Start()
    {
        _reader = Task.Run(Read);
        _sender = Task.Run(Send);
    }

    /// <summary>Stops sending, waits up to five seconds for the outstanding acks, and returns what the window saw.</summary>
    public async Task<MarketFeedResult> Stop()
    {
        await _stop.CancelAsync();
        await _sender;
        var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
        while (!_inFlight.IsEmpty && _failure is null && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(5);
        }

        lock (_latency)
        {
            return new MarketFeedResult
            {
                BatchesPerSecond = _schedule.Rate,
                Published = Interlocked.Read(ref _published),
                Acked = Interlocked.Read(ref _acked),
                Refused = Interlocked.Read(ref _refused),
                RejectedUpdates = Interlocked.Read(ref _rejectedUpdates),
                UpdatesPerBatch = _published > 0 ? Math.Round((double)_updates / _published, 1) : 0,
                AckLatency = LatencySummary.Of(_latency),
                Failure = _failure,
            };
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _call.RequestStream.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(5));
            await _reader.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is RpcException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            // The feed is being torn down either way.
        }

        _call.Dispose();
        _channel.Dispose();
        _stop.Dispose();
    }

    private async Task Send()
    {
        var start = Stopwatch.GetTimestamp();
        for (long n = 0; !_stop.IsCancellationRequested && _failure is null; n++)
        {
            var planned = _schedule.PlannedAt(start, n);
            var wait = planned - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var at = DateTimeOffset.UtcNow;
            _last = at > _last ? at : _last.AddTicks(10);
            var batch = new PriceBatch { Sequence = ++_sequence };
            batch.Updates.AddRange(_walk.Step(_schedule.Underlying(n), _last));
            var measured = _clock.InWindow(planned);
            _inFlight[batch.Sequence] = (Stopwatch.GetTimestamp(), measured);
            if (measured)
            {
                Interlocked.Increment(ref _published);
                Interlocked.Add(ref _updates, batch.Updates.Count);
            }

            try
            {
                await _call.RequestStream.WriteAsync(batch, CancellationToken.None);
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException)
            {
                _failure ??= e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message;
                return;
            }
        }
    }

    private async Task Read()
    {
        try
        {
            while (await _call.ResponseStream.MoveNext(CancellationToken.None))
            {
                var ack = _call.ResponseStream.Current;
                var now = Stopwatch.GetTimestamp();
                if (!_inFlight.TryRemove(ack.Sequence, out var sent) || !sent.Measured)
                {
                    continue;
                }

                Interlocked.Increment(ref _acked);
                Interlocked.Add(ref _rejectedUpdates, ack.Rejected.Count);
                if (ack.Error is not null)
                {
                    Interlocked.Increment(ref _refused);
                }

                lock (_latency)
                {
                    _latency.RecordValue(Math.Min(PhaseClock.Micros(sent.Sent, now), LatencyRecorders.HighestMicros));
                }
            }
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or OperationCanceledException)
        {
            _failure ??= e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message;
        }
    }
}

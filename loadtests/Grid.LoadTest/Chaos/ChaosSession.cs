using System.Diagnostics;
using Grid.Api.V1;
using Grid.LoadTest.Workload;
using Grpc.Core;
using Grpc.Net.Client;

namespace Grid.LoadTest.Chaos;

/// <summary>
/// A matching engine that rides out silo and Redis faults as the PreTrade contract says: a broken or
/// silent stream is given up and opened on another silo, every message without a final reply is
/// resent unchanged (same client order, trade and correlation ids), and ERROR_CODE_UNAVAILABLE or
/// OVERLOADED replies are resent after a short pause. Final replies go to the ledger, the recovery
/// clock and the throughput series. One loop writes (sends, resends, reconnects); one reader per stream.
/// A stream that has gone quiet with messages outstanding is asked for a heartbeat (pretrade.proto's liveness
/// probe) before the stall timeout: a gateway that answers it is alive and only waiting on the grid, and giving its
/// stream up would gain nothing (the other silo waits on the same accounts) and cost an open, possibly on the silo
/// that hung. A silo just given up is tried last when the stream moves.
/// </summary>
public sealed class ChaosSession(int index, IReadOnlyList<Uri> targets, Metadata headers, OrderFlow flow, ChaosProbes probes, int window, TimeSpan stall) : IAsyncDisposable
{
    private const ulong OpeningHeartbeat = ulong.MaxValue;
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private static readonly long RetryDelay = Stopwatch.Frequency / 10;
    private static readonly long MaxLag = Stopwatch.Frequency / 10;

    // How long a silo whose stream was given up, or that did not answer an open, is tried only after the others.
    private static readonly long SuspectFor = Stopwatch.Frequency * 5;

    private readonly GrpcChannel[] _channels = [.. targets.Select(Transport.EngineChannels.Create)];
    private readonly Dictionary<ulong, Outstanding> _outstanding = [];
    private readonly Lock _gate = new();
    private readonly long _stallTicks = (long)(stall.TotalSeconds * Stopwatch.Frequency);
    private readonly long[] _suspectSince = new long[targets.Count];
    private LiveStream? _stream;
    private string? _broken;
    private long _lastActivity;
    private long _probedQuietSince = -1;
    private ulong _nextId = 1;

    /// <summary>What this engine went through.</summary>
    public SessionCounters Counters { get; } = new();

    /// <summary>Messages still without a final reply.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _outstanding.Count;
            }
        }
    }

    /// <summary>
    /// Opens the stream on target <paramref name="target"/>, trying again for up to a minute: on a loaded machine a
    /// fresh silo can take longer than the opening heartbeat's second to answer.
    /// </summary>
    public async Task Connect(int target)
    {
        var giveUp = Stopwatch.GetTimestamp() + (long)(GiveUpAfter.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                await Open(target);
                return;
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException or OperationCanceledException or TimeoutException or IOException
                                      && Stopwatch.GetTimestamp() < giveUp)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Sends on schedule (message k at first + k × interval) until <paramref name="stopAt"/>, never more than the window outstanding.</summary>
    public async Task Run(long first, double interval, long stopAt, CancellationToken cancellationToken)
    {
        long k = 0;
        while (Stopwatch.GetTimestamp() is var now && now < stopAt && !cancellationToken.IsCancellationRequested)
        {
            await Maintain(now);
            var planned = first + (long)(k * interval);
            if (now - planned > MaxLag)
            {
                // Behind (a stream down, the window full): the engine does not make up for the slots it missed.
                k = (long)((now - first) / interval);
                continue;
            }

            if (planned <= now && _stream is not null && Pending < window)
            {
                await SendNew(now);
                k++;
                continue;
            }

            await Task.Delay(1, CancellationToken.None);
        }
    }

    /// <summary>Keeps resending until every message has its final reply or <paramref name="timeout"/> passes; what is left is unresolved.</summary>
    public async Task Drain(TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Pending > 0 && Stopwatch.GetTimestamp() is var now && now < until)
        {
            await Maintain(now);
            await Task.Delay(5);
        }

        lock (_gate)
        {
            foreach (var left in _outstanding.Values)
            {
                probes.Ledger.Unresolved(left.Account.Id);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stream is { } stream)
        {
            try
            {
                await stream.Call.RequestStream.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception e) when (e is RpcException or TimeoutException or InvalidOperationException or IOException)
            {
                // Closing either way.
            }

            stream.Close();
        }

        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }

    private async Task Maintain(long now)
    {
        var lastActivity = Volatile.Read(ref _lastActivity);
        var quiet = Pending > 0 ? now - lastActivity : 0;
        if (_stream is null || Volatile.Read(ref _broken) is { } || quiet > _stallTicks)
        {
            await Reconnect(quiet > _stallTicks ? "stalled" : Volatile.Read(ref _broken) ?? "no stream");
            return;
        }

        if (quiet > _stallTicks / 2 && _probedQuietSince != lastActivity)
        {
            // Any reply, this heartbeat's included, counts as activity: only a gateway that answers nothing stalls.
            _probedQuietSince = lastActivity;
            await WriteHeartbeat();
        }

        List<Outstanding> due;
        lock (_gate)
        {
            due = [.. _outstanding.Values.Where(o => o.RetryAt != 0 && o.RetryAt <= now)];
            due.ForEach(o => o.RetryAt = 0);
        }

        foreach (var message in due)
        {
            Counters.Resent++;
            await Write(message, now);
        }
    }

    private async Task SendNew(long now)
    {
        var message = flow.Next(_nextId++, out var kind, out var account, out var order);
        var entry = new Outstanding(message, kind, account, order);
        lock (_gate)
        {
            _outstanding[message.CorrelationId] = entry;
        }

        Counters.Sent++;
        await Write(entry, now);
    }

    private async Task Write(Outstanding entry, long now)
    {
        if (_stream is not { } stream)
        {
            return;
        }

        entry.SentAt = now;
        try
        {
            await stream.Call.RequestStream.WriteAsync(entry.Message);
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException or ObjectDisposedException)
        {
            Volatile.Write(ref _broken, e.Message);
        }
    }

    private async Task WriteHeartbeat()
    {
        if (_stream is not { } stream)
        {
            return;
        }

        try
        {
            await stream.Call.RequestStream.WriteAsync(new EngineMessage { CorrelationId = OpeningHeartbeat, Heartbeat = new Heartbeat() });
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException or ObjectDisposedException)
        {
            Volatile.Write(ref _broken, e.Message);
        }
    }

    // Gives up the current stream, opens one on the next silo that answers (silos suspected in the last few seconds
    // after the others), and resends everything unanswered in order.
    private async Task Reconnect(string reason)
    {
        var from = _stream?.Target ?? 0;
        var givenUp = Stopwatch.GetTimestamp();
        _stream?.Close();
        _stream = null;
        Counters.Reconnects++;
        _suspectSince[from] = givenUp;
        var giveUp = givenUp + (long)(GiveUpAfter.TotalSeconds * Stopwatch.Frequency);
        var attempts = 0;
        for (var round = 0; _stream is null; round++)
        {
            for (var step = 1; step <= _channels.Length && _stream is null; step++)
            {
                var target = (from + step) % _channels.Length;
                if (round == 0 && Stopwatch.GetTimestamp() - _suspectSince[target] < SuspectFor)
                {
                    continue;
                }

                attempts++;
                try
                {
                    await Open(target);
                    _suspectSince[target] = 0;
                }
                catch (Exception e) when (e is RpcException or InvalidOperationException or OperationCanceledException or TimeoutException or IOException)
                {
                    _suspectSince[target] = Stopwatch.GetTimestamp();
                    if (_suspectSince[target] > giveUp)
                    {
                        throw new InvalidOperationException($"no silo answered a stream for {GiveUpAfter.TotalSeconds:0}s (last: {e.Message})", e);
                    }

                    await Task.Delay(20);
                }
            }
        }

        probes.Streams.Moved(index, from, _stream.Target, reason.Length > 80 ? reason[..80] : reason, givenUp, Stopwatch.GetTimestamp(), attempts);

        List<Outstanding> all;
        lock (_gate)
        {
            all = [.. _outstanding.OrderBy(o => o.Key).Select(o => o.Value)];
            all.ForEach(o => o.RetryAt = 0);
        }

        var now = Stopwatch.GetTimestamp();
        foreach (var entry in all)
        {
            Counters.Resent++;
            await Write(entry, now);
        }
    }

    private async Task Open(int target)
    {
        var stream = await LiveStream.Open(_channels[target], headers, target, OpenTimeout, OpeningHeartbeat);
        Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());
        Volatile.Write(ref _broken, null);
        _stream = stream;
        _ = Task.Run(() => Read(stream));
    }

    private async Task Read(LiveStream stream)
    {
        try
        {
            await foreach (var reply in stream.Call.ResponseStream.ReadAllAsync(stream.Stop.Token))
            {
                OnReply(reply);
            }

            Broken(stream, "the server ended the stream");
        }
        catch (Exception e) when (!stream.Stop.IsCancellationRequested)
        {
            Broken(stream, e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message);
        }
        catch (Exception) when (stream.Stop.IsCancellationRequested)
        {
            // Given up on purpose.
        }
    }

    private void Broken(LiveStream stream, string why)
    {
        if (ReferenceEquals(stream, _stream))
        {
            Volatile.Write(ref _broken, why);
        }
    }

    private void OnReply(GridMessage reply)
    {
        var now = Stopwatch.GetTimestamp();
        Volatile.Write(ref _lastActivity, now);
        Outstanding? entry;
        lock (_gate)
        {
            if (reply.CorrelationId is 0 or OpeningHeartbeat || !_outstanding.TryGetValue(reply.CorrelationId, out entry))
            {
                return;
            }

            if (reply.BodyCase == GridMessage.BodyOneofCase.Error && reply.Error.Code is ErrorCode.Unavailable or ErrorCode.Overloaded)
            {
                entry.RetryAt = now + RetryDelay;
                Counters.OnRetriable(reply.Error.Code);
                if (reply.Error.Code == ErrorCode.Unavailable)
                {
                    probes.Recovery.Unavailable(entry.Account.Id, now);
                }

                return;
            }

            _outstanding.Remove(reply.CorrelationId);
        }

        Counters.OnFinal(reply);
        probes.Ledger.Record(entry.Message, reply);
        flow.OnReply(entry.Kind, entry.Account, entry.Order, reply);
        if (reply.Decision?.Decision is Decision.Accept or Decision.AcceptRiskReducing)
        {
            probes.Recovery.Accepted(entry.Account.Id, now, entry.SentAt);
        }

        probes.Throughput.Record(now);
    }
}

using System.Diagnostics;
using System.Globalization;
using Grid.Api.V1;
using Grid.LoadTest.Measurement;
using Grid.LoadTest.Workload;
using Grpc.Core;
using Grpc.Net.Client;

namespace Grid.LoadTest.Transport;

/// <summary>
/// One simulated matching engine: one bidirectional stream, a single writer (the send loop) and a
/// reader that matches replies to messages by correlation id, records latency from the planned send
/// time and feeds decisions back to the order flow.
/// </summary>
public sealed class EngineSession : IAsyncDisposable
{
    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    private readonly AsyncDuplexStreamingCall<EngineMessage, GridMessage> _call;
    private readonly OrderFlow _flow;
    private readonly PhaseClock _clock;
    private readonly LatencyRecorders _recorders;
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;
    private ulong _nextId = 1;

    /// <summary>Opens the stream (no message is sent until <see cref="Open"/>).</summary>
    public EngineSession(GrpcChannel channel, Metadata headers, StreamService service, OrderFlow flow, PhaseClock clock, LatencyRecorders recorders, int capacity)
    {
        _call = service == StreamService.Echo
            ? new Echo.EchoClient(channel).Stream(headers, cancellationToken: _stop.Token)
            : new PreTrade.PreTradeClient(channel).Stream(headers, cancellationToken: _stop.Token);
        _flow = flow;
        _clock = clock;
        _recorders = recorders;
        Pending = new PendingTable(capacity);
    }

    /// <summary>Counters of this stream.</summary>
    public StreamTally Tally { get; } = new();

    /// <summary>Messages awaiting their reply.</summary>
    public PendingTable Pending { get; }

    /// <summary>The server's per-stream window (header grid-max-in-flight), or 0 if it sent none.</summary>
    public int ServerWindow { get; private set; }

    /// <summary>Released once per reply: the closed loop's permits.</summary>
    public SemaphoreSlim? Permits { get; set; }

    /// <summary>True once the stream failed; the send loop stops.</summary>
    public bool Failed => Tally.Failure is not null;

    /// <summary>Reads the response headers, proves the stream with a heartbeat round trip, then starts the reader.</summary>
    public async Task Open(TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        deadline.CancelAfter(timeout);
        var headers = await _call.ResponseHeadersAsync.WaitAsync(deadline.Token);
        ServerWindow = int.TryParse(headers.GetValue("grid-max-in-flight"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var window) ? window : 0;
        await _call.RequestStream.WriteAsync(new EngineMessage { CorrelationId = _nextId++, Heartbeat = new Heartbeat() }, deadline.Token);
        if (!await _call.ResponseStream.MoveNext(deadline.Token) || _call.ResponseStream.Current.BodyCase != GridMessage.BodyOneofCase.Heartbeat)
        {
            throw new InvalidOperationException("the stream did not answer the opening heartbeat");
        }

        _reader = Task.Run(Read);
    }

    /// <summary>True when the next correlation id's slot is free (the ring is not wrapped onto an unanswered message).</summary>
    public bool CanSend => Pending.IsFree(_nextId);

    /// <summary>Builds the next message of the flow and writes it; <paramref name="flush"/> false lets gRPC batch it with the next.</summary>
    public async ValueTask Send(long planned, bool flush, CancellationToken cancellationToken)
    {
        var id = _nextId++;
        var message = _flow.Next(id, out var kind, out var account, out var order);
        var sent = Stopwatch.GetTimestamp();
        Pending.Claim(new PendingEntry { CorrelationId = id, Planned = planned, Sent = sent, Kind = kind, Account = account, Order = order });
        Tally.OnSent(kind, _clock.InWindow(planned));
        _call.RequestStream.WriteOptions = flush ? null : Buffered;
        await _call.RequestStream.WriteAsync(message, cancellationToken);
    }

    /// <summary>Writes unmeasured messages (clean-up cancels), at most <paramref name="window"/> outstanding.</summary>
    public async Task SendUntimed(IReadOnlyList<EngineMessage> messages, int window, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        foreach (var message in messages)
        {
            while (Pending.Outstanding >= window || !Pending.IsFree(_nextId))
            {
                await Task.Delay(1, deadline.Token);
            }

            message.CorrelationId = _nextId++;
            var now = Stopwatch.GetTimestamp();
            Pending.Claim(new PendingEntry { CorrelationId = message.CorrelationId, Planned = now, Sent = now, Kind = MessageKind.None });
            _call.RequestStream.WriteOptions = null;
            await _call.RequestStream.WriteAsync(message, deadline.Token);
        }
    }

    /// <summary>Waits until every message has its reply; what is still missing at the timeout counts as unanswered.</summary>
    public async Task Drain(TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + PhaseClock.Ticks(timeout);
        while (Pending.Outstanding > 0 && !Failed && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(5);
        }
    }

    /// <summary>Marks the stream failed (first reason wins) and writes off what it still owed.</summary>
    public void Fail(string reason)
    {
        lock (Tally)
        {
            Tally.Failure ??= reason;
        }

        Permits?.Release(1 + (int)Math.Min(int.MaxValue - 1, Pending.Outstanding));
    }

    /// <summary>Completes the engine's side, waits for the reader, and closes the call.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!Failed)
            {
                await _call.RequestStream.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(5));
                await _reader.WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is RpcException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            // The stream is being torn down either way.
        }

        await _stop.CancelAsync();
        _call.Dispose();
        _stop.Dispose();
    }

    private async Task Read()
    {
        try
        {
            await foreach (var reply in _call.ResponseStream.ReadAllAsync(_stop.Token))
            {
                var now = Stopwatch.GetTimestamp();
                if (reply.CorrelationId == 0 || !Pending.TryRelease(reply.CorrelationId, out var entry))
                {
                    Tally.Unsolicited++;
                    continue;
                }

                Permits?.Release();
                if (entry.Kind == MessageKind.None)
                {
                    continue;
                }

                var measured = _clock.InWindow(entry.Planned);
                _flow.OnReply(entry.Kind, entry.Account!, entry.Order, reply);
                _recorders.Record(PhaseClock.Micros(entry.Planned, now), PhaseClock.Micros(entry.Planned, entry.Sent), measured);
                Tally.OnReply(reply, measured, _clock.InWindow(now));
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Torn down on purpose.
        }
        catch (Exception e)
        {
            Fail(e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message);
        }
    }
}

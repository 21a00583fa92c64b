using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// One duplex call of the fuzz: writes raw messages, reads every reply in the background, counts
/// requests and replies per token (correlation id or sequence), answers probes, and reports replies
/// that are findings in themselves.
/// </summary>
internal sealed class FuzzStream : IAsyncDisposable
{
    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(30);

    private readonly RpcTarget _rpc;
    private readonly DuplexProfile _profile;
    private readonly RpcReport _report;
    private readonly TouchedAccounts _touched;
    private readonly CancellationTokenSource _cancel = new();
    private readonly AsyncDuplexStreamingCall<byte[], byte[]> _call;
    private readonly Dictionary<ulong, int> _sent = [];
    private readonly Dictionary<ulong, int> _received = [];
    private readonly Dictionary<ulong, byte[]> _messages = [];
    private readonly ConcurrentDictionary<ulong, TaskCompletionSource<IMessage>> _probes = new();
    private readonly Task _reader;
    private CallResult? _end;

    public FuzzStream(CallInvoker invoker, RpcTarget rpc, DuplexProfile profile, RpcReport report, TouchedAccounts touched)
    {
        _touched = touched;
        _rpc = rpc;
        _profile = profile;
        _report = report;
        _call = RawCalls.Duplex(invoker, rpc, _cancel.Token);
        _reader = Task.Run(Read);
    }

    private readonly Queue<byte[]> _recent = new();

    /// <summary>The last message written (what a dying stream is blamed on).</summary>
    public byte[] Last { get; private set; } = [];

    /// <summary>The last few messages written, oldest first, probes excluded (a dying stream's suspects).</summary>
    public IReadOnlyList<byte[]> Recent => [.. _recent];

    /// <summary>Messages written so far.</summary>
    public int Written { get; private set; }

    /// <summary>Writes one message; false when the call has already ended.</summary>
    public async Task<bool> Write(byte[] bytes, IMessage? decoded, bool probe = false)
    {
        if (!probe)
        {
            _recent.Enqueue(bytes);
            if (_recent.Count > 4)
            {
                _recent.Dequeue();
            }
        }

        if (decoded is not null && _profile.Accounted && DuplexProfile.Token(decoded) is { } token)
        {
            lock (_sent)
            {
                _sent[token] = _sent.GetValueOrDefault(token) + 1;
                _messages[token] = bytes;
            }
        }

        Last = bytes;
        Written++;
        // Bounded: a write can wait forever once the call's HTTP/2 stream is gone (a CI run sat idle for
        // 10 min in such a write with no connection left to the host). A write that cannot complete counts as
        // the call having ended; a server that really hangs is still found by the probes and the end timeout.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token);
        bounded.CancelAfter(EndTimeout);
        try
        {
            await _call.RequestStream.WriteAsync(bytes, bounded.Token).WaitAsync(EndTimeout);
            return true;
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Sends a valid message and waits for its answer; null when none came in time.</summary>
    public async Task<IMessage?> Probe(ulong token, string key)
    {
        var probe = _profile.Probe!(token, key);
        var answer = _probes.GetOrAdd(token, _ => new TaskCompletionSource<IMessage>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!await Write(probe.ToByteArray(), probe, probe: true))
        {
            return null;
        }

        try
        {
            // The answer, or the end of the call (which answers nothing more).
            await Task.WhenAny(answer.Task, _reader).WaitAsync(FuzzSettings.ProbeTimeout);
        }
        catch (TimeoutException)
        {
            return null;
        }

        return answer.Task.IsCompletedSuccessfully ? answer.Task.Result : null;
    }

    /// <summary>Completes the request side and waits for the call to end; null when it does not end in time (a hang).</summary>
    public async Task<CallResult?> Complete()
    {
        try
        {
            await _call.RequestStream.CompleteAsync().WaitAsync(EndTimeout);
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException or TimeoutException)
        {
            // Already ended by the server (the reader has its status), or its stream is gone (the wait below decides).
        }

        try
        {
            await _reader.WaitAsync(EndTimeout);
            return _end;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Tokens whose requests and replies do not pair up one to one, with a request that had that token.</summary>
    public IEnumerable<(ulong Token, int Sent, int Received, byte[] Message)> Unpaired()
    {
        lock (_sent)
        {
            return [.. _sent.Keys.Union(_received.Keys)
                .Select(t => (t, _sent.GetValueOrDefault(t), _received.GetValueOrDefault(t), _messages.GetValueOrDefault(t, [])))
                .Where(p => p.Item2 != p.Item3)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        try
        {
            await _reader.WaitAsync(EndTimeout);
        }
        catch (TimeoutException)
        {
            // Reported by Complete's caller when it matters.
        }

        _call.Dispose();
        _cancel.Dispose();
    }

    private async Task Read()
    {
        try
        {
            await foreach (var bytes in _call.ResponseStream.ReadAllAsync(_cancel.Token))
            {
                Receive(bytes);
            }

            _end = new CallResult(_call.GetStatus().StatusCode, _call.GetStatus().Detail);
        }
        catch (RpcException e)
        {
            _end = CallResult.From(e);
        }
        catch (OperationCanceledException)
        {
            _end = new CallResult(StatusCode.Cancelled, "cancelled by the fuzzer", Cut: true);
        }
        finally
        {
            foreach (var probe in _probes.Values)
            {
                probe.TrySetException(new InvalidOperationException("the stream ended"));
            }
        }
    }

    private void Receive(byte[] bytes)
    {
        IMessage reply;
        try
        {
            reply = _profile.Reply.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            _report.Find("a reply that does not parse", "", $"reply of {_rpc.Label}", bytes);
            return;
        }

        _report.Count(_profile.Label(reply));
        _touched.From(reply);
        var token = _profile.ReplyToken(reply);
        byte[] request = [];
        if (token is { } t)
        {
            lock (_sent)
            {
                _received[t] = _received.GetValueOrDefault(t) + 1;
                request = _messages.GetValueOrDefault(t, []);
            }

            if (_probes.TryRemove(t, out var probe))
            {
                probe.TrySetResult(reply);
            }
        }

        if (_profile.Finding(reply) is { } why)
        {
            _report.Find(why, $"reply {HexDump.Decoded(_profile.Reply, bytes, 300)}", $"seed {FuzzSettings.Seed}, {_rpc.Label}: the request with token {token}", request);
        }
    }
}

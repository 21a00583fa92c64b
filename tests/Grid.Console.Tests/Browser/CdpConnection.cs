using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Grid.Console.Tests.Browser;

/// <summary>
/// A Chrome DevTools Protocol client over one WebSocket: commands are JSON {id, method, params,
/// sessionId} answered by id; everything without an id is an event, raised with its session.
/// </summary>
public sealed class CdpConnection : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _reader = Task.CompletedTask;
    private int _nextId;

    /// <summary>An event: method, session id (null for the browser) and params.</summary>
    public event Action<string, string?, JsonElement>? Event;

    public static async Task<CdpConnection> ConnectAsync(Uri endpoint)
    {
        var connection = new CdpConnection();
        await connection._socket.ConnectAsync(endpoint, CancellationToken.None);
        connection._reader = Task.Run(connection.ReadAll);
        return connection;
    }

    /// <summary>Sends a command and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters = null, string? sessionId = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new Dictionary<string, object?> { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new { } };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _closing.Token);
        }
        finally
        {
            _sending.Release();
        }

        try
        {
            return await reply.Task.WaitAsync(CommandTimeout);
        }
        catch (TimeoutException)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"the browser did not answer {method} within {CommandTimeout.TotalSeconds} s");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // The browser may be gone already.
        }

        _socket.Dispose();
        _closing.Dispose();
    }

    private async Task ReadAll()
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer.GetMemory(1 << 16), _closing.Token);
                    buffer.Advance(received.Count);
                }
                while (!received.EndOfMessage);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                Dispatch(buffer.WrittenMemory);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing, or the browser went away.
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new CdpException("the browser connection closed"));
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> message)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var id))
        {
            if (_pending.TryRemove(id.GetInt32(), out var reply))
            {
                if (root.TryGetProperty("error", out var error))
                {
                    reply.TrySetException(new CdpException(error.GetProperty("message").GetString() ?? error.ToString()));
                }
                else
                {
                    reply.TrySetResult(root.GetProperty("result").Clone());
                }
            }

            return;
        }

        if (root.TryGetProperty("method", out var method))
        {
            var session = root.TryGetProperty("sessionId", out var s) ? s.GetString() : null;
            var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : default;
            Event?.Invoke(method.GetString()!, session, parameters);
        }
    }
}

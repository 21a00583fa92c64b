using Grid.Api.V1;
using Grpc.Core;

namespace Grid.Host.Tests.Infrastructure;

/// <summary>A matching engine's pre-trade stream: send a message, await the reply with its correlation id.</summary>
internal sealed class EngineStream : IAsyncDisposable
{
    private readonly AsyncDuplexStreamingCall<EngineMessage, GridMessage> _call;
    private readonly Dictionary<ulong, TaskCompletionSource<GridMessage>> _pending = [];
    private readonly List<GridMessage> _unsolicited = [];
    private readonly Task _reader;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private ulong _next = 1;

    public EngineStream(PreTrade.PreTradeClient client)
    {
        _call = client.Stream();
        _reader = Task.Run(ReadAll);
    }

    /// <summary>Grid messages that answered nothing (cancel instructions).</summary>
    public IReadOnlyList<GridMessage> Unsolicited
    {
        get
        {
            lock (_pending)
            {
                return [.. _unsolicited];
            }
        }
    }

    /// <summary>Sends <paramref name="message"/> with a fresh correlation id and returns the reply.</summary>
    public async Task<GridMessage> Send(EngineMessage message)
    {
        TaskCompletionSource<GridMessage> reply;
        lock (_pending)
        {
            message.CorrelationId = _next++;
            reply = _pending[message.CorrelationId] = new TaskCompletionSource<GridMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        await Write(message);
        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Sends raw messages without waiting (pipelining); replies are collected by correlation id.</summary>
    public async Task<Task<GridMessage>[]> SendAll(IEnumerable<EngineMessage> messages)
    {
        var replies = new List<Task<GridMessage>>();
        foreach (var m in messages)
        {
            TaskCompletionSource<GridMessage> reply;
            lock (_pending)
            {
                m.CorrelationId = _next++;
                reply = _pending[m.CorrelationId] = new TaskCompletionSource<GridMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            await Write(m);
            replies.Add(reply.Task);
        }

        return [.. replies];
    }

    /// <summary>Writes <paramref name="message"/> as it is (its correlation id too); a reply with id 0 lands in <see cref="Unsolicited"/>.</summary>
    public Task SendRaw(EngineMessage message) => Write(message);

    // A gRPC request stream takes one write at a time; the accounts of an engine share it.
    private async Task Write(EngineMessage message)
    {
        await _writing.WaitAsync();
        try
        {
            await _call.RequestStream.WriteAsync(message);
        }
        finally
        {
            _writing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _call.RequestStream.CompleteAsync();
            await _reader.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // The host may already be gone.
        }

        _call.Dispose();
    }

    private async Task ReadAll()
    {
        try
        {
            await foreach (var m in _call.ResponseStream.ReadAllAsync())
            {
                lock (_pending)
                {
                    if (m.CorrelationId != 0 && _pending.Remove(m.CorrelationId, out var tcs))
                    {
                        tcs.TrySetResult(m);
                    }
                    else
                    {
                        _unsolicited.Add(m);
                    }
                }
            }
        }
        catch (Exception e)
        {
            lock (_pending)
            {
                foreach (var tcs in _pending.Values)
                {
                    tcs.TrySetException(e);
                }
            }
        }
    }
}

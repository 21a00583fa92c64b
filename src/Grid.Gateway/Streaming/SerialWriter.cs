using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Grid.Gateway.Streaming;

/// <summary>
/// The one task allowed to write a response stream (IServerStreamWriter is not thread-safe). Producers
/// queue into a bounded channel and wait when it is full, so a caller that stops reading slows the
/// producers instead of growing memory. Writes are buffered while more replies are queued and flushed
/// with the last one, so a burst goes out in few HTTP/2 frames. A message queued for recycling is handed to
/// the <c>written</c> callback once its write has completed (gRPC has serialized it by then), for reuse.
/// </summary>
internal sealed class SerialWriter<T>
    where T : class
{
    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);
    private static readonly WriteOptions Flushed = new();

    private readonly Channel<(T Message, bool Recycle)> _queue;
    private readonly IAsyncStreamWriter<T> _stream;
    private readonly ILogger _logger;
    private readonly Action<T>? _written;
    private readonly Task<bool> _pump;

    /// <summary>Starts the writer; <paramref name="stop"/> abandons whatever is still queued.</summary>
    /// <param name="stream">The response stream this writer alone writes.</param>
    /// <param name="capacity">Messages queued before producers wait.</param>
    /// <param name="logger">Logs a failed stream.</param>
    /// <param name="stop">Abandons whatever is still queued.</param>
    /// <param name="written">Takes back each message queued for recycling, once written.</param>
    public SerialWriter(IAsyncStreamWriter<T> stream, int capacity, ILogger logger, CancellationToken stop, Action<T>? written = null)
    {
        _stream = stream;
        _logger = logger;
        _written = written;
        _queue = Channel.CreateBounded<(T, bool)>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _pump = Task.Run(() => Pump(stop), CancellationToken.None);
    }

    /// <summary>Queues a message, waiting while the queue is full; fails once the writer has stopped.</summary>
    public ValueTask Write(T message, CancellationToken cancellationToken) => _queue.Writer.WriteAsync((message, false), cancellationToken);

    /// <summary>
    /// Queues a message that the writer hands back for reuse once written: the caller must keep no reference
    /// to it. Waits while the queue is full; fails once the writer has stopped.
    /// </summary>
    public ValueTask WriteAndRecycle(T message, CancellationToken cancellationToken) => _queue.Writer.WriteAsync((message, true), cancellationToken);

    /// <summary>Accepts no more messages and waits until the queued ones are written; false if the stream failed first.</summary>
    public Task<bool> Complete()
    {
        _queue.Writer.TryComplete();
        return _pump;
    }

    private async Task<bool> Pump(CancellationToken stop)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stop))
            {
                while (reader.TryRead(out var item))
                {
                    _stream.WriteOptions = reader.TryPeek(out _) ? Buffered : Flushed;
                    await _stream.WriteAsync(item.Message, stop);
                    if (item.Recycle)
                    {
                        _written?.Invoke(item.Message);
                    }
                }
            }

            return true;
        }
        catch (Exception e)
        {
            // Producers waiting on a full queue must fail now rather than wait for a reader that is gone.
            _queue.Writer.TryComplete(e);
            GatewayLog.WriterStopped(_logger, e);
            return false;
        }
    }
}

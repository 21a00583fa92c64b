using Google.Protobuf;
using Grpc.Core;

namespace Grid.Gateway.Tests.Fakes;

/// <summary>A response stream that records each message, as sent, with the write options it was written under.</summary>
internal sealed class RecordingStreamWriter<T> : IServerStreamWriter<T>
{
    private readonly Lock _gate = new();
    private readonly List<(T Message, WriteOptions? Options)> _written = [];
    private int _target = int.MaxValue;

    /// <summary>Runs before each write is recorded; lets a test hold the writer.</summary>
    public Func<T, Task>? BeforeWrite { get; set; }

    /// <summary>Completes when this many messages have been written.</summary>
    public TaskCompletionSource? Reached { get; private set; }

    public WriteOptions? WriteOptions { get; set; }

    public IReadOnlyList<T> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _written.Select(w => w.Message)];
            }
        }
    }

    public IReadOnlyList<WriteOptions?> Options
    {
        get
        {
            lock (_gate)
            {
                return [.. _written.Select(w => w.Options)];
            }
        }
    }

    /// <summary>A task that completes once <paramref name="count"/> messages have been written.</summary>
    public Task WhenWritten(int count)
    {
        lock (_gate)
        {
            _target = count;
            Reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_written.Count >= count)
            {
                Reached.TrySetResult();
            }

            return Reached.Task;
        }
    }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        if (BeforeWrite is { } before)
        {
            await before(message);
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _written.Add((AsSent(message), WriteOptions));
            if (_written.Count >= _target)
            {
                Reached?.TrySetResult();
            }
        }
    }

    // What the client receives: a protobuf message as it was when written (gRPC serializes it during the write,
    // and the PreTrade stream reuses its reply objects once the write completes).
    private static T AsSent(T message)
        => message is IMessage m ? (T)m.Descriptor.Parser.ParseFrom(m.ToByteString()) : message;
}

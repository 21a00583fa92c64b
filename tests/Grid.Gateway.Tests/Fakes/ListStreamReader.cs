using Grpc.Core;

namespace Grid.Gateway.Tests.Fakes;

/// <summary>A request stream that yields a fixed list, then ends as a client completing its side.</summary>
internal sealed class ListStreamReader<T>(IEnumerable<T> messages) : IAsyncStreamReader<T>
{
    private readonly IEnumerator<T> _messages = messages.GetEnumerator();
    private int _read;

    /// <summary>How many messages were read so far.</summary>
    public int Read => Volatile.Read(ref _read);

    public T Current => _messages.Current;

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var more = _messages.MoveNext();
        if (more)
        {
            Interlocked.Increment(ref _read);
        }

        return Task.FromResult(more);
    }
}

using System.Threading.Channels;
using Grpc.Core;

namespace Grid.Gateway.Tests.Fakes;

/// <summary>A request stream fed by the test that stays open until completed or cancelled.</summary>
internal sealed class OpenStreamReader<T> : IAsyncStreamReader<T>
{
    private readonly Channel<T> _messages = Channel.CreateUnbounded<T>();

    public T Current { get; private set; } = default!;

    public void Send(T message) => _messages.Writer.TryWrite(message);

    public void Complete() => _messages.Writer.TryComplete();

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (await _messages.Reader.WaitToReadAsync(cancellationToken) && _messages.Reader.TryRead(out var message))
        {
            Current = message;
            return true;
        }

        return false;
    }
}

using Grpc.Core;

namespace Grid.Cli.Tests.Fakes;

/// <summary>
/// A server stream over a list. After the list it either ends, fails with <paramref name="end"/>, or,
/// when <paramref name="interrupt"/> is given, presses "Ctrl+C" (cancels it) and waits for the
/// cancellation as a real stream would, failing with CANCELLED.
/// </summary>
internal sealed class ListStreamReader<T>(IReadOnlyList<T> messages, RpcException? end, CancellationTokenSource? interrupt) : IAsyncStreamReader<T>
{
    private int _next = -1;

    public T Current => messages[_next];

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_next + 1 < messages.Count)
        {
            _next++;
            return true;
        }

        if (end is not null)
        {
            throw end;
        }

        if (interrupt is null)
        {
            return false;
        }

        interrupt.Cancel();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client."));
        }

        return false;
    }
}

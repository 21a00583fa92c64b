using Grpc.Core;

namespace Grid.Cli.Commands;

/// <summary>Reads a server stream for <c>watch</c> and <c>events</c> until it ends, a count is reached, or Ctrl+C.</summary>
internal static class ServerStream
{
    /// <summary>
    /// Hands each message to <paramref name="onMessage"/>; stops after <paramref name="count"/>
    /// messages when given. Ctrl+C is a clean stop (exit code 0); a failure of the stream, such as
    /// UNAVAILABLE when the node drains, surfaces as the <see cref="RpcException"/>.
    /// </summary>
    public static async Task<int> ReadAsync<T>(AsyncServerStreamingCall<T> call, int? count, CancellationToken cancellation, Action<T> onMessage)
    {
        using (call)
        {
            var seen = 0;
            try
            {
                while (await call.ResponseStream.MoveNext(cancellation))
                {
                    onMessage(call.ResponseStream.Current);
                    if (++seen == count)
                    {
                        break;
                    }
                }
            }
            catch (RpcException stopped) when (stopped.StatusCode == StatusCode.Cancelled && cancellation.IsCancellationRequested)
            {
                // Ctrl+C: the user ended the watch.
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Ctrl+C before the call was under way.
            }
        }

        return ExitCode.Ok;
    }
}

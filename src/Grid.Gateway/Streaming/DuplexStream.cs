using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Grid.Gateway.Streaming;

/// <summary>
/// The lifecycle shared by the bidirectional streams: one <see cref="SerialWriter{T}"/> for the
/// replies, a body that reads the requests, then a flush. No exception escapes as itself: a cancelled
/// call (client gone, deadline) ends quietly, a gRPC status raised while reading (a message over the
/// size limit) is kept, and anything else ends the call with UNAVAILABLE, which the contract tells the
/// engine to answer by reconnecting and resending what had no reply.
/// </summary>
internal static class DuplexStream
{
    /// <summary>Runs <paramref name="body"/> with the writer and a token that stops when the call ends; <paramref name="written"/> takes back recycled replies.</summary>
    public static async Task Run<TReply>(
        IServerStreamWriter<TReply> responses,
        int capacity,
        Func<SerialWriter<TReply>, CancellationToken, Task> body,
        ILogger logger,
        string rpc,
        CancellationToken callCancelled,
        Action<TReply>? written = null)
        where TReply : class
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(callCancelled);
        var writer = new SerialWriter<TReply>(responses, capacity, logger, stop.Token, written);
        RpcException? failure = null;
        try
        {
            await body(writer, stop.Token);
            await writer.Complete();
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            GatewayLog.StreamCancelled(logger, rpc);
        }
        catch (RpcException e)
        {
            failure = e;
        }
        catch (Exception e)
        {
            GatewayLog.StreamFailed(logger, rpc, e);
            failure = new RpcException(new Status(StatusCode.Unavailable, "the stream failed; reconnect and resend every message that had no reply"));
        }
        finally
        {
            // Nothing may write the response stream once the handler returns.
            await stop.CancelAsync();
            await writer.Complete();
        }

        if (failure is not null)
        {
            throw failure;
        }
    }
}

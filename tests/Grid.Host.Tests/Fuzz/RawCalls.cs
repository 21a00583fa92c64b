using Grpc.Core;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// gRPC calls whose messages are raw bytes (a byte[] marshaller both ways), made through
/// <c>channel.CreateCallInvoker()</c> with a <see cref="Method{TRequest, TResponse}"/> built from the
/// descriptor: the client frames whatever bytes it is given, so the server's own deserializer meets
/// them.
/// </summary>
internal static class RawCalls
{
    public static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static Method<byte[], byte[]> Method(RpcTarget rpc) => new(rpc.Type, rpc.Service, rpc.Name, Bytes, Bytes);

    /// <summary>A unary call (or a client-streaming call with one message).</summary>
    public static async Task<CallResult> Unary(CallInvoker invoker, RpcTarget rpc, byte[] body, TimeSpan deadline)
    {
        try
        {
            var options = new CallOptions(deadline: DateTime.UtcNow + deadline);
            if (rpc.Type == MethodType.ClientStreaming)
            {
                using var stream = invoker.AsyncClientStreamingCall(Method(rpc), null, options);
                await stream.RequestStream.WriteAsync(body);
                await stream.RequestStream.CompleteAsync();
                return new CallResult(StatusCode.OK, "", await stream.ResponseAsync);
            }

            using var call = invoker.AsyncUnaryCall(Method(rpc), null, options, body);
            return new CallResult(StatusCode.OK, "", await call.ResponseAsync);
        }
        catch (RpcException e)
        {
            return CallResult.From(e);
        }
    }

    /// <summary>
    /// A server-streaming call read up to its first message, then cancelled (a subscription never ends on
    /// its own); a call that sends nothing ends at the deadline.
    /// </summary>
    public static async Task<CallResult> FirstMessage(CallInvoker invoker, RpcTarget rpc, byte[] body, TimeSpan deadline)
    {
        using var cancel = new CancellationTokenSource();
        try
        {
            using var call = invoker.AsyncServerStreamingCall(Method(rpc), null, new CallOptions(deadline: DateTime.UtcNow + deadline, cancellationToken: cancel.Token), body);
            if (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                var first = call.ResponseStream.Current;
                await cancel.CancelAsync();
                return new CallResult(StatusCode.OK, "first message", first, Cut: true);
            }

            return new CallResult(call.GetStatus().StatusCode, call.GetStatus().Detail);
        }
        catch (RpcException e)
        {
            return CallResult.From(e);
        }
    }

    /// <summary>A duplex call on <paramref name="invoker"/> (the caller writes, reads and disposes).</summary>
    public static AsyncDuplexStreamingCall<byte[], byte[]> Duplex(CallInvoker invoker, RpcTarget rpc, CancellationToken cancellationToken)
        => invoker.AsyncDuplexStreamingCall(Method(rpc), null, new CallOptions(cancellationToken: cancellationToken));
}

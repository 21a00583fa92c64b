using Grpc.Core;

namespace Grid.Cli.Tests.Fakes;

/// <summary>
/// A grid without a server: answers unary calls and server streams from handlers registered per
/// method, and records every call. An unregistered method fails with UNIMPLEMENTED.
/// </summary>
internal sealed class FakeCallInvoker : CallInvoker
{
    private readonly Dictionary<string, Func<object, object>> _unary = [];
    private readonly Dictionary<string, Func<object, object>> _streams = [];

    public List<RecordedCall> Calls { get; } = [];

    /// <summary>Answers "/grid.v1.{service}/{method}" with <paramref name="handler"/>; it may throw an RpcException.</summary>
    public FakeCallInvoker OnUnary<TRequest, TResponse>(string service, string method, Func<TRequest, TResponse> handler)
        where TResponse : class
    {
        _unary[$"/grid.v1.{service}/{method}"] = request => handler((TRequest)request);
        return this;
    }

    /// <summary>Streams <paramref name="messages"/> for "/grid.v1.{service}/{method}" (see <see cref="ListStreamReader{T}"/>).</summary>
    public FakeCallInvoker OnStream<TResponse>(string service, string method, IReadOnlyList<TResponse> messages, RpcException? end = null, CancellationTokenSource? interrupt = null)
    {
        _streams[$"/grid.v1.{service}/{method}"] = _ => new ListStreamReader<TResponse>(messages, end, interrupt);
        return this;
    }

    /// <summary>The request of the only call made.</summary>
    public T Single<T>() => (T)Assert.Single(Calls).Request;

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Calls.Add(new RecordedCall(method.FullName, request, options));
        Task<TResponse> response;
        try
        {
            if (!_unary.TryGetValue(method.FullName, out var handler))
            {
                throw new RpcException(new Status(StatusCode.Unimplemented, $"no fake for {method.FullName}"));
            }

            response = Task.FromResult((TResponse)handler(request));
        }
        catch (RpcException e)
        {
            response = Task.FromException<TResponse>(e);
        }

        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Calls.Add(new RecordedCall(method.FullName, request, options));
        var reader = _streams.TryGetValue(method.FullName, out var open)
            ? (IAsyncStreamReader<TResponse>)open(request)
            : throw new RpcException(new Status(StatusCode.Unimplemented, $"no fake for {method.FullName}"));
        return new AsyncServerStreamingCall<TResponse>(reader, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException("the CLI makes asynchronous calls only");

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException("the CLI makes no client-streaming calls");

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException("the CLI makes no bidirectional calls");
}

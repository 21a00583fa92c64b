using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Grid.Gateway.Security;

/// <summary>
/// Honours the caller's deadline on unary calls: when it passes (or the caller cancels), the call
/// ends with DEADLINE_EXCEEDED (or CANCELLED) at once instead of waiting for a slow grain.
/// </summary>
internal sealed class DeadlineInterceptor(TimeProvider clock) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).WaitAsync(context.CancellationToken);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw context.Deadline <= clock.GetUtcNow().UtcDateTime
                ? new RpcException(new Status(StatusCode.DeadlineExceeded, "the call's deadline passed before the grid answered; a change may still have been applied, retry with the same request id"))
                : new RpcException(new Status(StatusCode.Cancelled, "the caller cancelled the call"));
        }
    }
}

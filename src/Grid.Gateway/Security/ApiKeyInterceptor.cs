using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace Grid.Gateway.Security;

/// <summary>
/// Authenticates every call by its <c>x-api-key</c>, checks the role against <see cref="AccessPolicy"/>,
/// checks any account the request names against the caller's scope, caps open streams per key, and
/// leaves the <see cref="Caller"/> in the call's user state for the services (audit, per-message scope).
/// </summary>
internal sealed class ApiKeyInterceptor(CallerDirectory callers, StreamQuota quota, IOptionsMonitor<SecurityOptions> options) : Interceptor
{
    private static readonly Caller Open = new("anonymous", GatewayRole.Admin, ["*"]);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context, request);
        return continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var caller = Authorize(context, request);
        using var slot = caller is null ? null : quota.Take(caller.Id);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var caller = Authorize(context, null);
        using var slot = caller is null ? null : quota.Take(caller.Id);
        await continuation(requestStream, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var caller = Authorize(context, null);
        using var slot = caller is null ? null : quota.Take(caller.Id);
        return await continuation(requestStream, context);
    }

    private Caller? Authorize(ServerCallContext context, object? request)
    {
        if (AccessPolicy.IsPublic(context.Method))
        {
            return null;
        }

        var caller = options.CurrentValue.Enabled
            ? callers.Find(context.RequestHeaders.GetValue(SecurityOptions.Header))
                ?? throw new RpcException(new Status(StatusCode.Unauthenticated, $"a valid API key is required in the '{SecurityOptions.Header}' header"))
            : Open;
        // Known from here on, so that a refusal below is audited with the caller's identity.
        context.UserState[Caller.ContextKey] = caller;
        if (!AccessPolicy.Allowed(context.Method).Contains(caller.Role))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"role {caller.Role} may not call {context.Method}"));
        }

        if (request is IMessage message)
        {
            CheckAccounts(caller, message);
        }

        return caller;
    }

    // Any account the request names (at any depth) must be in the caller's scope; a scoped caller must
    // name the accounts it lists.
    private static void CheckAccounts(Caller caller, IMessage message, int depth = 0)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType == FieldType.Message && !field.IsRepeated && !field.IsMap && depth < 4
                && field.Accessor.GetValue(message) is IMessage inner)
            {
                CheckAccounts(caller, inner, depth + 1);
                continue;
            }

            if (field.FieldType != FieldType.String || field.Name is not ("account_id" or "account_ids"))
            {
                continue;
            }

            var value = field.Accessor.GetValue(message);
            var accounts = field.IsRepeated ? ((System.Collections.IEnumerable)value).Cast<string>() : [(string)value];
            var any = false;
            foreach (var account in accounts)
            {
                any = true;
                if (account.Length > 0 && !caller.MayAct(account))
                {
                    throw new RpcException(new Status(StatusCode.PermissionDenied, $"key {caller.Id} may not act on account {account}"));
                }
            }

            // Listing by venue names no account: the service checks that the venue is the caller's own.
            if (!any && field.IsRepeated && !caller.Unscoped && message is not Grid.Api.V1.ListReservationsRequest { VenueId.Length: > 0 })
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, $"key {caller.Id} must name the accounts it asks about"));
            }
        }
    }
}

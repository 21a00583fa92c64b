using Grpc.Core;

namespace Grid.Gateway.Security;

/// <summary>The authenticated caller of a call, as the interceptor left it.</summary>
internal static class CallerContext
{
    private static readonly Caller Unchecked = new("anonymous", GatewayRole.Admin, ["*"]);

    /// <summary>The caller (an unrestricted one when the call bypassed authentication, e.g. unit tests of a service).</summary>
    public static Caller Of(ServerCallContext context)
        => context.UserState.TryGetValue(Caller.ContextKey, out var c) && c is Caller caller ? caller : Unchecked;
}

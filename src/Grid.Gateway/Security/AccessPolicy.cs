namespace Grid.Gateway.Security;

/// <summary>
/// Which roles may call which RPC (the table in docs/security.md). Calls that name accounts are also
/// checked against the caller's account scope; unknown methods are denied.
/// </summary>
internal static class AccessPolicy
{
    private static readonly GatewayRole[] Engine = [GatewayRole.Engine];
    private static readonly GatewayRole[] Readers = [GatewayRole.Trader, GatewayRole.Engine, GatewayRole.Admin];
    private static readonly GatewayRole[] Ops = [GatewayRole.Admin];
    private static readonly GatewayRole[] Feeders = [GatewayRole.MarketData];
    private static readonly GatewayRole[] Simulators = [GatewayRole.Trader, GatewayRole.Admin];
    private static readonly GatewayRole[] Anyone = [GatewayRole.Engine, GatewayRole.Trader, GatewayRole.MarketData, GatewayRole.Admin];

    /// <summary>True for calls that need no key (health probes).</summary>
    public static bool IsPublic(string method) => method.StartsWith("/grpc.health.v1.Health/", StringComparison.Ordinal);

    /// <summary>The roles allowed to call <paramref name="method"/> ("/package.Service/Method"), or empty when none.</summary>
    public static ReadOnlySpan<GatewayRole> Allowed(string method) => method switch
    {
        "/grid.v1.PreTrade/Stream" or "/grid.v1.PreTrade/Check" or "/grid.v1.PreTrade/ListReservations" => Engine,
        "/grid.v1.Accounts/Deposit" or "/grid.v1.Accounts/Withdraw" or "/grid.v1.Accounts/ApplyFunding" => Ops,
        _ when method.StartsWith("/grid.v1.Accounts/", StringComparison.Ordinal) => Readers,
        "/grid.v1.MarketData/Publish" or "/grid.v1.MarketData/PublishOnce" => Feeders,
        "/grid.v1.MarketData/Subscribe" => Anyone,
        _ when method.StartsWith("/grid.v1.Admin/", StringComparison.Ordinal) => Ops,
        "/grid.v1.RiskEvents/Subscribe" => [GatewayRole.Admin, GatewayRole.Engine],
        "/grid.v1.Margin/Simulate" => Simulators,
        "/grid.v1.Echo/Stream" => Engine,
        _ when method.StartsWith("/grpc.reflection.", StringComparison.Ordinal) => Anyone,
        _ => [],
    };
}

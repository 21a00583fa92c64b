using Grid.Gateway.Security;

namespace Grid.Host.Hosting;

/// <summary>
/// The documented keys of a grid on this machine (README), one per role, so the demo, a local cluster
/// and the CLI work out of the box. Installed only when no key is configured and the host listens on
/// loopback only; refused on a host that listens beyond loopback.
/// </summary>
public static class DevelopmentKeys
{
    /// <summary>Key secret of the admin role.</summary>
    public const string Admin = "grid-dev-admin";

    /// <summary>Key secret of the engine role (all accounts).</summary>
    public const string Engine = "grid-dev-engine";

    /// <summary>Key secret of the trader role (account demo-trader only).</summary>
    public const string Trader = "grid-dev-trader";

    /// <summary>Key secret of the market-data role.</summary>
    public const string MarketData = "grid-dev-marketdata";

    /// <summary>The keys as configuration would list them.</summary>
    public static IReadOnlyList<ApiKey> All { get; } =
    [
        new() { Id = "dev-admin", Role = GatewayRole.Admin, Sha256 = CallerDirectory.HashOf(Admin), Accounts = ["*"] },
        new() { Id = "dev-engine", Role = GatewayRole.Engine, Sha256 = CallerDirectory.HashOf(Engine), Accounts = ["*"] },
        new() { Id = "dev-trader", Role = GatewayRole.Trader, Sha256 = CallerDirectory.HashOf(Trader), Accounts = ["demo-trader"] },
        new() { Id = "dev-marketdata", Role = GatewayRole.MarketData, Sha256 = CallerDirectory.HashOf(MarketData), Accounts = [] },
    ];

    /// <summary>True when <paramref name="key"/> is one of these (publicly known) keys.</summary>
    public static bool IsDevelopment(ApiKey key) => All.Any(d => string.Equals(d.Sha256, key.Sha256, StringComparison.OrdinalIgnoreCase));
}

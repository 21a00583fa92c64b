namespace Grid.Gateway.Security;

/// <summary>What a caller may do (issue 9's table, in docs/security.md).</summary>
public enum GatewayRole
{
    /// <summary>A matching engine: the pre-trade stream, fills and cancels, for its accounts.</summary>
    Engine = 1,
    /// <summary>A trader or market maker: read-only on its own accounts (buying power, what-if, watch).</summary>
    Trader = 2,
    /// <summary>A price feeder: publishes marks, index prices, forwards and vols.</summary>
    MarketData = 3,
    /// <summary>Operations: rulebook, instruments, freezes, regimes, deposits and withdrawals, every account read.</summary>
    Admin = 4,
}

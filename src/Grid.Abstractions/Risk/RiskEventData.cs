using Grid.Abstractions.Accounts;
using Grid.Risk.Accounts;

namespace Grid.Abstractions.Risk;

/// <summary>
/// An account's margin state changed (or its resting orders were cancelled on entering liquidation).
/// Money in USD, rounded at the boundary.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.RiskEventData")]
public sealed record RiskEventData
{
    /// <summary>The cause of the event an operator's freeze emits when it also pulls the resting orders.</summary>
    public const string FrozenCause = "account frozen";

    /// <summary>The cause of a house event (<see cref="House"/> set, no account).</summary>
    public const string HouseCoverageCause = "house coverage";

    [Id(0)] public long Sequence { get; init; }
    [Id(1)] public DateTimeOffset At { get; init; }
    [Id(2)] public string AccountId { get; init; } = "";
    [Id(3)] public AccountState PreviousState { get; init; }
    [Id(4)] public AccountState State { get; init; }
    [Id(5)] public decimal Equity { get; init; }
    [Id(6)] public decimal InitialMargin { get; init; }
    [Id(7)] public decimal MaintenanceMargin { get; init; }

    /// <summary>IM − (AE − order costs) when positive.</summary>
    [Id(8)] public decimal Shortfall { get; init; }

    /// <summary>Positions at the time of the event.</summary>
    [Id(9)] public IReadOnlyList<PositionLine> Positions { get; init; } = [];

    /// <summary>True when the account entered liquidation (or bankruptcy): liquidation engines take over.</summary>
    [Id(10)] public bool LiquidationCandidate { get; init; }

    /// <summary>What moved it: "price move", "fill", "withdrawal", "liquidation", <see cref="FrozenCause"/>.</summary>
    [Id(11)] public string Cause { get; init; } = "";

    /// <summary>Resting orders the grid cancelled (engines must pull them from their books).</summary>
    [Id(12)] public IReadOnlyList<string> CanceledOrderIds { get; init; } = [];

    /// <summary>
    /// The venue (engine key id) that placed each cancelled order, in the order of <see cref="CanceledOrderIds"/>;
    /// empty strings for orders placed before venues were recorded.
    /// </summary>
    [Id(13)] public IReadOnlyList<string> CanceledOrderVenues { get; init; } = [];

    /// <summary>Set on a house event (no account): a scenario's coverage ratio crossed 1 (Rulebook §5.3).</summary>
    [Id(14)] public HouseCoverageData? House { get; init; }
}

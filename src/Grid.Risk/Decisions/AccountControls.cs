namespace Grid.Risk.Decisions;

/// <summary>
/// What the operator and the grid's configuration set on the account as a whole: the kill switch and
/// the cap on resting orders. Plain data passed to the <see cref="OrderGate"/>; <c>default</c> sets none.
/// </summary>
public readonly record struct AccountControls
{
    /// <summary>The account is frozen (kill switch): no new order passes.</summary>
    public bool Frozen { get; init; }

    /// <summary>Most resting orders the account may hold; 0 sets no cap.</summary>
    public int MaxOpenOrders { get; init; }
}

namespace Grid.Grains.Accounts;

/// <summary>Resting orders the grid pulled from an account, with the venue that placed each (same order).</summary>
internal sealed record PulledOrders(IReadOnlyList<string> OrderIds, IReadOnlyList<string> Venues)
{
    /// <summary>Nothing pulled.</summary>
    public static PulledOrders None { get; } = new([], []);

    /// <summary>How many orders were pulled.</summary>
    public int Count => OrderIds.Count;
}

namespace Grid.Risk.Decisions;

/// <summary>
/// The grid's own bounds on one order, position or balance, whatever the instrument's limits say: far
/// beyond any real account, and low enough that every figure of an account (hundreds of holdings,
/// scenario shocks, a thousand resting orders) stays well inside the wire Decimal's ±9.2e18 and
/// exact to the cent in the risk core's doubles. Beyond them a change is refused, never booked.
/// </summary>
public static class GridLimits
{
    /// <summary>Largest USD value of one order, one position or one balance.</summary>
    public const double MaxValue = 1e15;

    /// <summary>The refusal text, naming the limit.</summary>
    public static string Message(string what) => $"{what} would be worth more than 1e15 USD, the grid's limit";
}

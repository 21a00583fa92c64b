using Grid.Risk.Rulebooks;

namespace Grid.Risk.Accounts;

/// <summary>
/// Plain description of an account's holdings: balances (negative = borrow), positions and resting
/// orders. The input of a full evaluation and of <see cref="AccountBook"/> construction.
/// </summary>
public sealed record Portfolio
{
    /// <summary>PM or STD.</summary>
    public MarginRegime Regime { get; init; } = MarginRegime.Pm;

    /// <summary>Balance per asset code.</summary>
    public IReadOnlyDictionary<string, double> Balances { get; init; } = new Dictionary<string, double>();

    /// <summary>Net positions.</summary>
    public IReadOnlyList<Position> Positions { get; init; } = [];

    /// <summary>Resting orders.</summary>
    public IReadOnlyList<RestingOrder> Orders { get; init; } = [];

    /// <summary>State reported last time (drives the liquidation hysteresis), if any.</summary>
    public AccountState? PreviousState { get; init; }
}

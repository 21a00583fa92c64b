namespace Grid.Abstractions.Engine;

/// <summary>What a matching-engine message asks of an account.</summary>
public enum CommandKind : byte
{
    /// <summary>Pre-trade check of a new order; reserves margin on accept.</summary>
    Check = 1,
    /// <summary>A (partial) fill of a resting order.</summary>
    Fill = 2,
    /// <summary>Cancel (all or part of) a resting order.</summary>
    Cancel = 3,
    /// <summary>New quantity and/or price for a resting order, re-checked.</summary>
    Amend = 4,
    /// <summary>Funding accrued to a position and, optionally, settled into the balance.</summary>
    Funding = 5,
}

using Grid.Risk.Accounts;

namespace Grid.Risk.Decisions;

/// <summary>A pre-trade decision and the figures behind it (Rulebook §3.8, §4 items 9, 17, 24).</summary>
public readonly record struct PreTradeResult
{
    /// <summary>Accept, accept as risk-reducing, or reject.</summary>
    public Decision Decision { get; init; }

    /// <summary>Why, when rejected (None otherwise).</summary>
    public RejectReason Reason { get; init; }

    /// <summary>IM′ − AE′ when the margin test failed, else 0.</summary>
    public double Shortfall { get; init; }

    /// <summary>Order-inclusive IM after credits, with the order.</summary>
    public double Im { get; init; }

    /// <summary>AE − every order cost (the new order's included).</summary>
    public double Ae { get; init; }

    /// <summary>Positions-only MM after the order fills.</summary>
    public double Mm { get; init; }

    /// <summary>AE′ − IM′.</summary>
    public double Excess { get; init; }

    /// <summary>Order-inclusive IM before the order.</summary>
    public double ImBefore { get; init; }

    /// <summary>Positions-only MM before the order.</summary>
    public double MmBefore { get; init; }

    /// <summary>The order's open loss (derivatives).</summary>
    public double OrderOpenLoss { get; init; }

    /// <summary>The order's fee reserve.</summary>
    public double OrderFee { get; init; }

    /// <summary>The order's own cost (open loss + fee, or its fill cost for spot and stock).</summary>
    public double OrderCost { get; init; }

    /// <summary>Every resting order cost with the order.</summary>
    public double OrderCosts { get; init; }

    /// <summary>Inter-group credits with the order.</summary>
    public double CreditTotal { get; init; }

    /// <summary>The account state before the order.</summary>
    public AccountState StateBefore { get; init; }

    /// <summary>True when the order passed.</summary>
    public bool Accepted => Decision is Decision.Accept or Decision.AcceptRiskReducing;
}

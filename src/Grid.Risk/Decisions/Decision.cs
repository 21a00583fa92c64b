namespace Grid.Risk.Decisions;

/// <summary>The outcome of a pre-trade check (Rulebook §3.8).</summary>
public enum Decision
{
    /// <summary>Equity after order costs covers the order-inclusive IM.</summary>
    Accept = 1,
    /// <summary>Not covered, but the order reduces risk (the dYdX state-transition rule, §4 item 17).</summary>
    AcceptRiskReducing = 2,
    /// <summary>Refused; see the reason.</summary>
    Reject = 3,
}

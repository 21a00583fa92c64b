namespace Grid.Risk.Accounts;

/// <summary>Margin state of an account (Rulebook §3.7, §4 item 16).</summary>
public enum AccountState
{
    /// <summary>Equity after order costs covers the order-inclusive IM.</summary>
    Ok = 1,
    /// <summary>Below IM but at or above MM: only risk-reducing orders pass.</summary>
    ReduceOnly = 2,
    /// <summary>Below MM (or not yet back above liqEndFraction × IM): a liquidation candidate.</summary>
    Liquidate = 3,
    /// <summary>Negative equity: only liquidation acts.</summary>
    Bankrupt = 4,
}

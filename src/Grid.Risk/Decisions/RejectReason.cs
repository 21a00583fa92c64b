namespace Grid.Risk.Decisions;

/// <summary>
/// Why an order or request was refused. Stable numeric codes grouped by subsystem (1xxx request,
/// 2xxx instrument and market, 3xxx account, 4xxx limits, 5xxx margin); mirrored one to one by
/// <c>grid.v1.RejectReason</c>. Never renumber a value.
/// </summary>
public enum RejectReason
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>Malformed order: missing field, non-positive or non-finite quantity or price, unknown side.</summary>
    InvalidOrder = 1001,
    /// <summary>The instrument is not listed.</summary>
    UnknownInstrument = 1002,
    /// <summary>A request names an asset the rulebook does not list.</summary>
    UnknownAsset = 1003,
    /// <summary>The client order id is already resting with different terms.</summary>
    DuplicateOrderId = 1004,
    /// <summary>No resting order with that client order id.</summary>
    UnknownOrder = 1005,

    /// <summary>Trading in the instrument is halted.</summary>
    InstrumentHalted = 2001,
    /// <summary>The group's price is older than the configured maximum age and the order adds risk.</summary>
    StalePrice = 2002,
    /// <summary>The limit price is outside the allowed band around the mark.</summary>
    PriceOutsideBand = 2003,
    /// <summary>The instrument has no usable price or vol yet.</summary>
    NoPrice = 2004,

    /// <summary>The account is frozen (kill switch).</summary>
    AccountFrozen = 3001,
    /// <summary>The account is in margin call (reduce-only or liquidation) and the order does not reduce risk.</summary>
    ReduceOnly = 3002,
    /// <summary>The account is bankrupt: only liquidation may act on it.</summary>
    AccountBankrupt = 3003,

    /// <summary>The order's notional exceeds the per-order maximum.</summary>
    MaxOrderNotional = 4001,
    /// <summary>The resulting position would exceed the per-instrument maximum.</summary>
    MaxPosition = 4002,
    /// <summary>Too many resting orders on the account.</summary>
    MaxOpenOrders = 4003,

    /// <summary>Equity after order costs would not cover the initial margin.</summary>
    InsufficientMargin = 5001,
    /// <summary>A withdrawal would leave equity below the initial margin.</summary>
    WithdrawalExceedsAvailable = 5002,
}

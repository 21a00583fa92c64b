namespace Grid.Risk.Instruments;

/// <summary>Contract types the engine margins (Rulebook §0, §4 item 26).</summary>
public enum InstrumentKind
{
    /// <summary>USDⓈ-margined perpetual: PnL = q·mult·X·s.</summary>
    LinearPerp = 1,
    /// <summary>USDⓈ-margined dated future (also index futures such as ES).</summary>
    LinearFuture = 2,
    /// <summary>Coin-margined perpetual of USD face value per contract.</summary>
    InversePerp = 3,
    /// <summary>Coin-margined dated future of USD face value per contract.</summary>
    InverseFuture = 4,
    /// <summary>European option settled in USD or a stablecoin (Black-76).</summary>
    Option = 5,
    /// <summary>European option quoted and settled in the coin.</summary>
    InverseOption = 6,
    /// <summary>A future margined from a published SPAN risk array (Rulebook §4 item 6).</summary>
    SpanFuture = 7,
    /// <summary>A spot pair: fills move the base and quote balances.</summary>
    Spot = 8,
    /// <summary>A stock: fills move the stock and cash balances.</summary>
    Equity = 9,
    /// <summary>An exchange-traded fund, traded like a stock.</summary>
    Etf = 10,
}

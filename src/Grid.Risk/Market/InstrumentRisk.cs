using Grid.Risk.Instruments;

namespace Grid.Risk.Market;

/// <summary>
/// One instrument compiled against a market: per-contract scenario PnL (the SPAN-style risk array),
/// delta, value and the per-contract inputs of the add-ons. Immutable; rebuilt when a mark or vol moves.
/// </summary>
public sealed class InstrumentRisk
{
    /// <summary>Dense index in the model.</summary>
    public required int Index { get; init; }

    /// <summary>The static spec.</summary>
    public required Instrument Spec { get; init; }

    /// <summary>Contract type (copied from the spec for the hot path).</summary>
    public required InstrumentKind Kind { get; init; }

    /// <summary>Risk group index, or −1 for spot pairs and stocks.</summary>
    public required int Group { get; init; }

    /// <summary>Contract multiplier.</summary>
    public required double Multiplier { get; init; }

    /// <summary>Per-contract PnL per scenario of the group, in USD.</summary>
    public double[] RiskArray { get; init; } = [];

    /// <summary>USD delta per contract: ∂PnL/∂s at s = 0 (Rulebook §4 item 13).</summary>
    public double Delta { get; init; }

    /// <summary>Delta-one notional per contract (basis add-on); 0 for options.</summary>
    public double DeltaOneNotional { get; init; }

    /// <summary>Option value per contract in USD (counts in AE); 0 for delta-one.</summary>
    public double Value { get; init; }

    /// <summary>Mark in order-price units: USD per unit, or coin per unit for inverse options.</summary>
    public double Mark { get; init; }

    /// <summary>Index price of the underlying (USD).</summary>
    public double UnderlyingPrice { get; init; }

    /// <summary>Forward used for pricing (options) or the mark (delta-one).</summary>
    public double Forward { get; init; }

    /// <summary>Option strike.</summary>
    public double Strike { get; init; }

    /// <summary>True for calls.</summary>
    public bool IsCall { get; init; }

    /// <summary>Years to expiry (ACT/365F, fractional days).</summary>
    public double Years { get; init; }

    /// <summary>Discount factor to expiry (1 for crypto).</summary>
    public double Discount { get; init; }

    /// <summary>Implied vol used for the mark.</summary>
    public double Vol { get; init; }

    /// <summary>True when the underlying is an index (Cboe 15% rate in STD).</summary>
    public bool UnderlyingIsIndex { get; init; }

    /// <summary>True when the option is on a crypto underlying (Deribit standard in STD).</summary>
    public bool CryptoUnderlying { get; init; }

    /// <summary>Short-option-minimum slot of (expiry, strike) inside the group, or −1.</summary>
    public int SomSlot { get; init; } = -1;

    /// <summary>FINRA minimum per contract of a short position (minPerContract × multiplier).</summary>
    public double MinPerShortContract { get; init; }

    /// <summary>FINRA minimum per contract of a long position (options: capped at their value).</summary>
    public double MinPerLongContract { get; init; }

    /// <summary>Base asset index of a spot pair or stock, else −1.</summary>
    public int BaseAsset { get; init; } = -1;

    /// <summary>Quote asset index of a spot pair or stock, else −1.</summary>
    public int QuoteAsset { get; init; } = -1;

    /// <summary>Open interest in contracts, if published (dYdX-style STD scaling).</summary>
    public double OpenInterest { get; init; }

    /// <summary>Open loss per contract of an order at <paramref name="price"/> (Rulebook §3.8):
    /// mult·max(0, dir·(px − mark)), converted to USD for inverse contracts.</summary>
    public double OpenLossPerContract(int direction, double price)
    {
        switch (Kind)
        {
            case InstrumentKind.InversePerp:
            case InstrumentKind.InverseFuture:
                // A contract is N USD: buying above the mark pays N·(1/mark − 1/px) coins.
                return Math.Max(0, direction * Multiplier * (1 / Mark - 1 / price)) * UnderlyingPrice;
            case InstrumentKind.InverseOption:
                return Multiplier * Math.Max(0, direction * (price - Mark)) * UnderlyingPrice;
            default:
                return Multiplier * Math.Max(0, direction * (price - Mark));
        }
    }

    /// <summary>Fee reserve per contract at <paramref name="price"/> before the rate (Rulebook §4 item 18).</summary>
    public double FeeBasePerContract(double price) => Kind switch
    {
        InstrumentKind.InversePerp or InstrumentKind.InverseFuture => Multiplier * UnderlyingPrice / price,
        InstrumentKind.InverseOption => Multiplier * price * UnderlyingPrice,
        _ => Multiplier * price,
    };

    /// <summary>Unrealised PnL in USD of <paramref name="qty"/> contracts entered at <paramref name="entry"/>.</summary>
    public double UnrealisedPnl(double qty, double entry) => Kind switch
    {
        InstrumentKind.InversePerp or InstrumentKind.InverseFuture
            => qty * Multiplier * (1 / entry - 1 / Mark) * UnderlyingPrice,
        _ => qty * Multiplier * (Mark - entry),
    };
}

using Grid.Risk.Rulebooks;

namespace Grid.Risk.Instruments;

/// <summary>
/// Static specification of a tradable instrument. Derivatives carry a risk group; spot pairs and
/// stocks carry base and quote assets instead (Rulebook §4 item 26).
/// </summary>
public sealed record Instrument
{
    /// <summary>Instrument id, e.g. BTC-PERP, BTC-30D-60000-C, AAPL-STK.</summary>
    public required string Id { get; init; }

    /// <summary>Contract type.</summary>
    public required InstrumentKind Kind { get; init; }

    /// <summary>Risk group (derivatives); for spot and stock the group of the base asset, if any.</summary>
    public string? Group { get; init; }

    /// <summary>Underlying asset (index price source) or, for spot and stock, the base asset.</summary>
    public string? Underlying { get; init; }

    /// <summary>Contract multiplier: underlying units per contract; USD face value for inverse delta-one.</summary>
    public double Multiplier { get; init; } = 1;

    /// <summary>Settlement asset (informational).</summary>
    public string? Settlement { get; init; }

    /// <summary>Expiry instant of futures and options.</summary>
    public DateTimeOffset? Expiry { get; init; }

    /// <summary>Option strike, in USD per underlying unit.</summary>
    public double Strike { get; init; }

    /// <summary>Option right.</summary>
    public OptionType? OptionType { get; init; }

    /// <summary>Quote asset of a spot pair or stock (USD for stocks, USDT for crypto by default).</summary>
    public string? Quote { get; init; }

    /// <summary>Venue-specific STD parameters, if any.</summary>
    public StdOverride? Std { get; init; }

    /// <summary>The base asset of a spot pair or stock.</summary>
    public string? Base => Kind.IsCash() ? Underlying : null;
}

using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;

namespace Grid.Abstractions.Market;

/// <summary>An instrument's static specification and trading limits, as ops upsert it.</summary>
[GenerateSerializer, Immutable, Alias("grid.InstrumentSpec")]
public sealed record InstrumentSpec
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public InstrumentKind Kind { get; init; }
    [Id(2)] public string? Group { get; init; }
    [Id(3)] public string? Underlying { get; init; }
    [Id(4)] public decimal Multiplier { get; init; } = 1;
    [Id(5)] public string? Settlement { get; init; }
    [Id(6)] public DateTimeOffset? Expiry { get; init; }
    [Id(7)] public decimal Strike { get; init; }
    [Id(8)] public OptionType? OptionType { get; init; }
    [Id(9)] public string? Quote { get; init; }
    [Id(10)] public StdStyle StdStyle { get; init; }
    [Id(11)] public decimal StdLeverage { get; init; }
    [Id(12)] public decimal StdMaxLeverage { get; init; }
    [Id(13)] public decimal StdImf { get; init; }
    [Id(14)] public decimal StdMmf { get; init; }
    [Id(15)] public decimal StdOiLowerCap { get; init; }
    [Id(16)] public decimal StdOiUpperCap { get; init; }

    /// <summary>Largest allowed |limit − mark| / mark; 0 disables the band.</summary>
    [Id(17)] public decimal PriceBand { get; init; }

    /// <summary>Largest order notional in USD; 0 disables.</summary>
    [Id(18)] public decimal MaxOrderNotional { get; init; }

    /// <summary>Largest |position| in contracts after a fill; 0 disables.</summary>
    [Id(19)] public decimal MaxPosition { get; init; }

    /// <summary>The risk-core view of the spec.</summary>
    public Instrument ToRisk() => new()
    {
        Id = Id,
        Kind = Kind,
        Group = Group,
        Underlying = Underlying,
        Multiplier = (double)Multiplier,
        Settlement = Settlement,
        Expiry = Expiry,
        Strike = (double)Strike,
        OptionType = OptionType,
        Quote = Quote,
        Std = StdStyle == StdStyle.Bracket ? null : new StdOverride
        {
            Style = StdStyle, Leverage = (double)StdLeverage, MaxLeverage = (double)StdMaxLeverage, Imf = (double)StdImf,
            Mmf = (double)StdMmf, OiLowerCap = (double)StdOiLowerCap, OiUpperCap = (double)StdOiUpperCap,
        },
    };
}

namespace Grid.Risk.Instruments;

/// <summary>Classifications of <see cref="InstrumentKind"/> used throughout the engine.</summary>
public static class InstrumentKindExtensions
{
    /// <summary>Spot pairs and stocks: holdings are balances, not positions.</summary>
    public static bool IsCash(this InstrumentKind kind) => kind is InstrumentKind.Spot or InstrumentKind.Equity or InstrumentKind.Etf;

    /// <summary>Options of either settlement.</summary>
    public static bool IsOption(this InstrumentKind kind) => kind is InstrumentKind.Option or InstrumentKind.InverseOption;

    /// <summary>Coin-margined contracts.</summary>
    public static bool IsInverse(this InstrumentKind kind) => kind is InstrumentKind.InversePerp or InstrumentKind.InverseFuture or InstrumentKind.InverseOption;

    /// <summary>Delta-one derivatives (perps and futures of any settlement, SPAN futures).</summary>
    public static bool IsDeltaOne(this InstrumentKind kind) => kind is InstrumentKind.LinearPerp or InstrumentKind.LinearFuture
        or InstrumentKind.InversePerp or InstrumentKind.InverseFuture or InstrumentKind.SpanFuture;

    /// <summary>Wire/JSON name of the kind.</summary>
    public static string ToWire(this InstrumentKind kind) => kind switch
    {
        InstrumentKind.LinearPerp => "linear_perp",
        InstrumentKind.LinearFuture => "linear_future",
        InstrumentKind.InversePerp => "inverse_perp",
        InstrumentKind.InverseFuture => "inverse_future",
        InstrumentKind.Option => "option",
        InstrumentKind.InverseOption => "inverse_option",
        InstrumentKind.SpanFuture => "span_future",
        InstrumentKind.Spot => "spot",
        InstrumentKind.Equity => "equity",
        InstrumentKind.Etf => "etf",
        _ => "unknown",
    };

    /// <summary>Parses a wire/JSON kind name; false when unknown.</summary>
    public static bool TryParse(string? text, out InstrumentKind kind)
    {
        kind = text switch
        {
            "linear_perp" => InstrumentKind.LinearPerp,
            "linear_future" => InstrumentKind.LinearFuture,
            "inverse_perp" => InstrumentKind.InversePerp,
            "inverse_future" => InstrumentKind.InverseFuture,
            "option" => InstrumentKind.Option,
            "inverse_option" => InstrumentKind.InverseOption,
            "span_future" => InstrumentKind.SpanFuture,
            "spot" => InstrumentKind.Spot,
            "equity" => InstrumentKind.Equity,
            "etf" => InstrumentKind.Etf,
            _ => 0,
        };
        return kind != 0;
    }
}

namespace Grid.Risk.Rulebooks;

/// <summary>Parameters of the rule-based STD regime (Rulebook §3.6, §4 items 3 and 19).</summary>
public sealed record StdRules
{
    /// <summary>Linear perps and futures: IM rate on |notional| (5% = 20x).</summary>
    public double LinearImRate { get; init; } = 0.05;

    /// <summary>Linear perps and futures: maintenance brackets, ascending.</summary>
    public MmrBracket[] LinearBrackets { get; init; } = [];

    /// <summary>Inverse futures (Deribit standard): IM = (base + per100·size/100)·size.</summary>
    public double InverseImBase { get; init; } = 0.02;

    /// <summary>Inverse futures: IM slope per 100 coins.</summary>
    public double InverseImPer100 { get; init; } = 0.005;

    /// <summary>Inverse futures: MM base rate.</summary>
    public double InverseMmBase { get; init; } = 0.015;

    /// <summary>Inverse futures: MM slope per 100 coins.</summary>
    public double InverseMmPer100 { get; init; } = 0.005;

    /// <summary>Short crypto options: IM = (max(base − OTM/S, floor)·S + mark)·q.</summary>
    public double CryptoOptionImOtmBase { get; init; } = 0.15;

    /// <summary>Short crypto options: floor rate.</summary>
    public double CryptoOptionImFloor { get; init; } = 0.10;

    /// <summary>Short crypto options: MM = (rate·S + mark)·q.</summary>
    public double CryptoOptionMm { get; init; } = 0.075;

    /// <summary>Short equity/ETF options: Cboe rate on the underlying.</summary>
    public double EquityOptionRate { get; init; } = 0.20;

    /// <summary>Short index options: Cboe rate on the underlying.</summary>
    public double IndexOptionRate { get; init; } = 0.15;

    /// <summary>Short equity and index options: floor rate (on S for calls, K for puts).</summary>
    public double OptionFloorRate { get; init; } = 0.10;

    /// <summary>Stock (Reg T): initial rate.</summary>
    public double StockIm { get; init; } = 0.5;

    /// <summary>Stock: maintenance rate of a long.</summary>
    public double StockMmLong { get; init; } = 0.25;

    /// <summary>Stock: maintenance rate of a short.</summary>
    public double StockMmShort { get; init; } = 0.30;
}

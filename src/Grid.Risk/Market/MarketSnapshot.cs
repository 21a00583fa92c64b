namespace Grid.Risk.Market;

/// <summary>
/// Market inputs at one instant (Rulebook §3.1): index prices per asset, marks of delta-one and
/// SPAN instruments, forwards per underlying and expiry, implied vol per option, rates, published
/// SPAN arrays. Timestamps per price live in <see cref="PriceTimes"/>; staleness is the caller's call.
/// </summary>
public sealed record MarketSnapshot
{
    /// <summary>Valuation instant: option time to expiry is measured from here.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Index (spot) price per asset in USD.</summary>
    public IReadOnlyDictionary<string, double> Index { get; init; } = Empty<double>();

    /// <summary>Mark price per delta-one or SPAN instrument.</summary>
    public IReadOnlyDictionary<string, double> Marks { get; init; } = Empty<double>();

    /// <summary>Forward per underlying per expiry instant (crypto options).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<DateTimeOffset, double>> Forwards { get; init; }
        = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>();

    /// <summary>Implied vol per option instrument.</summary>
    public IReadOnlyDictionary<string, double> Vols { get; init; } = Empty<double>();

    /// <summary>Risk-free rate for equity and index options (continuous).</summary>
    public double Rate { get; init; }

    /// <summary>Dividend yield per equity/index underlying (continuous); 0 when absent.</summary>
    public IReadOnlyDictionary<string, double> DivYields { get; init; } = Empty<double>();

    /// <summary>Published SPAN arrays per instrument, per unit, gain positive (16 scenarios).</summary>
    public IReadOnlyDictionary<string, double[]> RiskArrays { get; init; } = Empty<double[]>();

    /// <summary>Published SPAN delta per instrument, USD per unit.</summary>
    public IReadOnlyDictionary<string, double> SpanDeltas { get; init; } = Empty<double>();

    /// <summary>Open interest per instrument in contracts (dYdX-style IMF scaling).</summary>
    public IReadOnlyDictionary<string, double> OpenInterest { get; init; } = Empty<double>();

    /// <summary>When each price (asset index or instrument mark) was last updated.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> PriceTimes { get; init; } = Empty<DateTimeOffset>();

    /// <summary>
    /// Newest observation of any input per key: an asset code (index, forwards, dividend yield) or an
    /// instrument id (mark, vol, risk array, span delta, open interest). A group's instant, from which
    /// its options' time to expiry is measured, is the newest of its keys' times (<see cref="GroupModel.Instant"/>);
    /// when empty (the spec cases), every group's instant is <see cref="AsOf"/>.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> InputTimes { get; init; } = Empty<DateTimeOffset>();

    private static Dictionary<string, T> Empty<T>() => new(StringComparer.Ordinal);
}

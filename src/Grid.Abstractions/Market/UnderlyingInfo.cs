namespace Grid.Abstractions.Market;

/// <summary>An asset's index price and forward curve.</summary>
[GenerateSerializer, Immutable, Alias("grid.UnderlyingInfo")]
public sealed record UnderlyingInfo
{
    [Id(0)] public string Asset { get; init; } = "";
    [Id(1)] public decimal Index { get; init; }
    [Id(2)] public DateTimeOffset IndexAt { get; init; }
    [Id(3)] public IReadOnlyList<ForwardPoint> Forwards { get; init; } = [];
    [Id(4)] public long Version { get; init; }

    /// <summary>Dividend yield (equity and index underlyings), continuous.</summary>
    [Id(5)] public decimal DividendYield { get; init; }

    /// <summary>When the dividend yield was observed (default: never published, or stored before this field existed).</summary>
    [Id(6)] public DateTimeOffset DividendYieldAt { get; init; }

    /// <summary>The newest observation among the asset's inputs (index, forwards, dividend yield); default when none.</summary>
    public DateTimeOffset NewestObservation
    {
        get
        {
            var newest = IndexAt > DividendYieldAt ? IndexAt : DividendYieldAt;
            foreach (var f in Forwards)
            {
                newest = f.At > newest ? f.At : newest;
            }

            return newest;
        }
    }
}

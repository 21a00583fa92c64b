namespace Grid.LoadTest.Workload;

/// <summary>Exact conversion of C# decimals to grid.v1.Decimal (units + nanos, same sign).</summary>
public static class WireDecimals
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    /// <summary>The wire form of <paramref name="value"/>, truncated to nine decimal places.</summary>
    public static Api.V1.Decimal From(decimal value)
    {
        var units = decimal.Truncate(value);
        return new Api.V1.Decimal { Units = (long)units, Nanos = (int)decimal.Truncate((value - units) * NanosPerUnit) };
    }

    /// <summary>The exact C# value of a wire decimal (null reads as zero).</summary>
    public static decimal ToDecimal(Api.V1.Decimal? value) => value is null ? 0m : value.Units + (value.Nanos / NanosPerUnit);
}

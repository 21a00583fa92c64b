namespace Grid.HouseLoad;

/// <summary>Decimal to and from the API's money type (units and nanos, never a float).</summary>
internal static class Money
{
    public static Grid.Api.V1.Decimal Dec(decimal value)
    {
        var units = decimal.Truncate(value);
        return new Grid.Api.V1.Decimal { Units = (long)units, Nanos = (int)((value - units) * 1_000_000_000m) };
    }

    public static decimal Of(Grid.Api.V1.Decimal? value) => value is null ? 0 : value.Units + value.Nanos / 1_000_000_000m;
}

namespace Grid.Grains.Journal;

/// <summary>Equality as stored: decimals equal in value and in scale.</summary>
internal static class Exact
{
    public static bool Same(decimal a, decimal b) => a == b && a.Scale == b.Scale;
}

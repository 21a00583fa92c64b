namespace Grid.Host.Tests.Infrastructure;

/// <summary>Money comparisons with a tolerance in USD.</summary>
internal static class Near
{
    public static void Equal(decimal expected, decimal actual, decimal tolerance, string what = "")
        => Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what} expected {expected} ± {tolerance}, got {actual}");
}

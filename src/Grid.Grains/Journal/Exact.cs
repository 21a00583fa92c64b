using System.Runtime.CompilerServices;

namespace Grid.Grains.Journal;

/// <summary>Equality as stored: decimals with the same bits (the same value and scale; 1.5 and 1.50 differ).</summary>
internal static class Exact
{
    public static bool Same(decimal a, decimal b) => Unsafe.As<decimal, Int128>(ref a) == Unsafe.As<decimal, Int128>(ref b);
}

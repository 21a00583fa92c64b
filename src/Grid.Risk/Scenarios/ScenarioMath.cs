using System.Numerics;
using System.Runtime.InteropServices;

namespace Grid.Risk.Scenarios;

/// <summary>
/// The two loops every re-margin runs over a scenario vector, written with <see cref="Vector{T}"/>.
/// Each lane performs the same IEEE multiply and add as the scalar form, so results are bit-identical.
/// </summary>
public static class ScenarioMath
{
    /// <summary>pnl[j] += k · array[j].</summary>
    public static void AddScaled(Span<double> pnl, ReadOnlySpan<double> array, double k)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated && pnl.Length >= Vector<double>.Count)
        {
            var p = MemoryMarshal.Cast<double, Vector<double>>(pnl);
            var a = MemoryMarshal.Cast<double, Vector<double>>(array);
            var kv = new Vector<double>(k);
            for (var v = 0; v < p.Length; v++)
            {
                p[v] += kv * a[v];
            }

            j = p.Length * Vector<double>.Count;
        }

        for (; j < pnl.Length; j++)
        {
            pnl[j] += k * array[j];
        }
    }

    /// <summary>min_j w[j]·pnl[j] and the lowest index where it is reached.</summary>
    public static double WeightedMin(ReadOnlySpan<double> pnl, ReadOnlySpan<double> weights, out int index)
    {
        var min = double.PositiveInfinity;
        var j = 0;
        if (Vector.IsHardwareAccelerated && pnl.Length >= 2 * Vector<double>.Count)
        {
            var p = MemoryMarshal.Cast<double, Vector<double>>(pnl);
            var w = MemoryMarshal.Cast<double, Vector<double>>(weights);
            var m = new Vector<double>(double.PositiveInfinity);
            for (var v = 0; v < p.Length; v++)
            {
                m = Vector.Min(m, w[v] * p[v]);
            }

            for (var lane = 0; lane < Vector<double>.Count; lane++)
            {
                min = Math.Min(min, m[lane]);
            }

            j = p.Length * Vector<double>.Count;
        }

        for (var r = j; r < pnl.Length; r++)
        {
            min = Math.Min(min, weights[r] * pnl[r]);
        }

        for (index = 0; index < pnl.Length; index++)
        {
            if (weights[index] * pnl[index] == min)
            {
                return min;
            }
        }

        index = 0;
        return min;
    }
}

using Grid.Risk.Rulebooks;

namespace Grid.Risk.Scenarios;

/// <summary>
/// The ordered scenarios of one risk group (Rulebook §3.3, §4 item 23): price shock, vol state and
/// weight per scenario. Crypto: shocks ascending × (up, same, down), then the extended rows;
/// FINRA: the down points, then the up points; span16: 16 published scenarios of weight 1.
/// </summary>
public sealed class ScenarioGrid
{
    private ScenarioGrid(double[] shocks, VolState[] vols, double[] weights)
    {
        Shocks = shocks;
        Vols = vols;
        Weights = weights;
    }

    /// <summary>Number of scenarios J.</summary>
    public int Count => Shocks.Length;

    /// <summary>Relative price move per scenario (0 for span16, whose arrays are given).</summary>
    public double[] Shocks { get; }

    /// <summary>Vol state per scenario.</summary>
    public VolState[] Vols { get; }

    /// <summary>Loss weight per scenario.</summary>
    public double[] Weights { get; }

    /// <summary>Builds the grid of <paramref name="rule"/>.</summary>
    public static ScenarioGrid For(GroupRule rule)
    {
        var shocks = new List<double>();
        var vols = new List<VolState>();
        var weights = new List<double>();
        switch (rule.Grid)
        {
            case GridKind.Crypto:
                for (var i = -rule.Steps; i <= rule.Steps; i++)
                {
                    var s = rule.Range * i / rule.Steps;
                    foreach (var v in (ReadOnlySpan<VolState>)[VolState.Up, VolState.Same, VolState.Down])
                    {
                        shocks.Add(s);
                        vols.Add(v);
                        weights.Add(1);
                    }
                }

                foreach (var row in rule.Extended)
                {
                    shocks.Add(row.Shock);
                    vols.Add(VolState.Up);
                    weights.Add(row.Weight);
                }

                break;
            case GridKind.Finra:
                var half = rule.Points / 2;
                for (var k = half; k >= 1; k--)
                {
                    shocks.Add(rule.Down * k / half);
                }

                for (var k = 1; k <= half; k++)
                {
                    shocks.Add(rule.Up * k / half);
                }

                vols.AddRange(Enumerable.Repeat(VolState.Same, shocks.Count));
                weights.AddRange(Enumerable.Repeat(1.0, shocks.Count));
                break;
            default:
                shocks.AddRange(new double[16]);
                vols.AddRange(Enumerable.Repeat(VolState.Same, 16));
                weights.AddRange(Enumerable.Repeat(1.0, 16));
                break;
        }

        return new ScenarioGrid([.. shocks], [.. vols], [.. weights]);
    }

    /// <summary>Scan = max(0, −min_j w_j·PnL_j); <paramref name="worst"/> is the lowest index among ties.</summary>
    public double Scan(ReadOnlySpan<double> pnl, out int worst)
        => Math.Max(0, -ScenarioMath.WeightedMin(pnl, Weights, out worst));
}

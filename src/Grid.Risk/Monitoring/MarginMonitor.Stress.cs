using Grid.Risk.Stress;

namespace Grid.Risk.Monitoring;

public sealed partial class MarginMonitor
{
    /// <summary>
    /// This monitor's part of a house stress run (Rulebook §5.3): every replica valued under every
    /// scenario of <paramref name="market"/>, partitions in parallel, each into its own partial, the
    /// partials merged (exact, so the split does not show). Replicas indexed against an older layout
    /// are re-indexed first (as a sweep does); those the market cannot price are counted as skipped.
    /// </summary>
    /// <param name="market">The shocked market (built once from the silo's current model).</param>
    /// <param name="top">Top accounts kept per scenario (≥ 2).</param>
    /// <param name="excluded">Accounts another silo counts (held here too, e.g. a claim that never arrived): left out.</param>
    public HouseStress Stress(StressMarket market, int top = HouseStress.DefaultTop, IReadOnlySet<string>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        var parts = new HouseStress[_partitions.Length];
        Parallel.For(0, _partitions.Length, i =>
        {
            var p = _partitions[i];
            var part = new HouseStress(market, top);
            Span<StressOutcome> outcomes = stackalloc StressOutcome[market.Count];
            lock (p)
            {
                foreach (var r in p.Replicas.Values)
                {
                    if (excluded is not null && excluded.Contains(r.Id))
                    {
                        continue;
                    }

                    if (r.Align(market.Model) && market.TryEvaluate(r, outcomes))
                    {
                        part.Add(r.Id, outcomes);
                    }
                    else
                    {
                        part.Skip();
                    }
                }
            }

            parts[i] = part;
        });

        var house = new HouseStress(market, top);
        foreach (var part in parts)
        {
            house.Merge(part);
        }

        return house;
    }
}

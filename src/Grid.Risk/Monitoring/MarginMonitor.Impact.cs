using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Supervision;

namespace Grid.Risk.Monitoring;

public sealed partial class MarginMonitor
{
    /// <summary>
    /// This monitor's part of a rulebook dry run (Rulebook §5.5): every replica evaluated against the
    /// model in force and against the candidate's (<see cref="HouseImpact.CandidateModel"/>), in
    /// parallel partitions merged exactly. Replicas are not changed; accounts either model cannot
    /// evaluate are counted as skipped.
    /// </summary>
    /// <param name="current">The model in force.</param>
    /// <param name="candidate">The candidate's model (<see cref="HouseImpact.CandidateModel"/>).</param>
    /// <param name="top">Largest increases kept.</param>
    /// <param name="excluded">Accounts another silo counts: left out.</param>
    public HouseImpact Impact(RiskModel current, RiskModel candidate, int top = HouseImpact.DefaultTop, IReadOnlySet<string>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(candidate);
        var map = new LayoutMap(current, candidate);
        var parts = new HouseImpact[_partitions.Length];
        Parallel.For(0, _partitions.Length, i =>
        {
            var p = _partitions[i];
            var part = new HouseImpact(current.Rulebook.Version, candidate.Rulebook.Version, top);
            var before = AccountBook.Empty(current);
            var after = AccountBook.Empty(candidate);
            lock (p)
            {
                foreach (var r in p.Replicas.Values)
                {
                    if (excluded is not null && excluded.Contains(r.Id))
                    {
                        continue;
                    }

                    try
                    {
                        if (r.Align(current) && r.LoadInto(before, current) && map.TryLoad(r, after))
                        {
                            part.Add(AccountImpact.Of(r.Id, before.Figures(), after.Figures()));
                            continue;
                        }
                    }
                    catch (RiskInputException)
                    {
                        // An unpriced held asset under either model: not evaluated, counted below.
                    }

                    part.Skip();
                }
            }

            parts[i] = part;
        });

        var house = new HouseImpact(current.Rulebook.Version, candidate.Rulebook.Version, top);
        foreach (var part in parts)
        {
            house.Merge(part);
        }

        return house;
    }
}

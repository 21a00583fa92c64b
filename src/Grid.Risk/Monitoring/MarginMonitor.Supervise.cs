using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Supervision;

namespace Grid.Risk.Monitoring;

public sealed partial class MarginMonitor
{
    /// <summary>
    /// Loads every replica into a book against <paramref name="model"/> and hands it to
    /// <paramref name="visit"/> (the supervisory report's per-account lines). Each replica is loaded
    /// under its partition's lock and visited outside it, so a slow visitor never holds up a sweep.
    /// The book is reused: copy what the visitor keeps. Sequential.
    /// </summary>
    /// <returns>Accounts visited, and those <paramref name="model"/> cannot evaluate (not visited).</returns>
    public (long Visited, long Skipped) Visit(RiskModel model, Action<MonitoredAccount, AccountBook> visit, IReadOnlySet<string>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(visit);
        var book = AccountBook.Empty(model);
        long visited = 0, skipped = 0;
        foreach (var p in _partitions)
        {
            MonitoredAccount[] replicas;
            lock (p)
            {
                replicas = [.. p.Replicas.Values];
            }

            foreach (var r in replicas)
            {
                if (excluded is not null && excluded.Contains(r.Id))
                {
                    continue;
                }

                if (TryLoad(p, r, book, model))
                {
                    visit(r, book);
                    visited++;
                }
                else
                {
                    skipped++;
                }
            }
        }

        return (visited, skipped);
    }

    /// <summary>This monitor's part of the house cross-margin dependency (Rulebook §5.4), partitions in parallel, merged exactly.</summary>
    /// <param name="model">The model in force.</param>
    /// <param name="excluded">Accounts another silo counts: left out.</param>
    public HouseDependency Dependency(RiskModel model, IReadOnlySet<string>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parts = new HouseDependency[_partitions.Length];
        Parallel.For(0, _partitions.Length, i =>
        {
            var p = _partitions[i];
            var part = new HouseDependency();
            var book = AccountBook.Empty(model);
            var scratch = AccountBook.Empty(model);
            MonitoredAccount[] replicas;
            lock (p)
            {
                replicas = [.. p.Replicas.Values];
            }

            foreach (var r in replicas)
            {
                if (excluded is not null && excluded.Contains(r.Id))
                {
                    continue;
                }

                if (TryLoad(p, r, book, model))
                {
                    part.Add(CreditDependency.Of(book, scratch));
                }
                else
                {
                    part.Skip();
                }
            }

            parts[i] = part;
        });

        var house = new HouseDependency();
        foreach (var part in parts)
        {
            house.Merge(part);
        }

        return house;
    }

    /// <summary>
    /// Loads <paramref name="replica"/> into <paramref name="book"/> against <paramref name="model"/> under
    /// its partition's lock (a report that snapshotted the replicas earlier visits them one by one).
    /// </summary>
    /// <returns>False when <paramref name="model"/> cannot evaluate the account.</returns>
    public bool TryLoad(MonitoredAccount replica, AccountBook book, RiskModel model)
    {
        ArgumentNullException.ThrowIfNull(replica);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(model);
        return TryLoad(PartitionOf(replica.Id), replica, book, model);
    }

    private static bool TryLoad(Partition p, MonitoredAccount r, AccountBook book, RiskModel model)
    {
        lock (p)
        {
            try
            {
                if (!r.Align(model) || !r.LoadInto(book, model))
                {
                    return false;
                }

                _ = book.Figures();
                return true;
            }
            catch (RiskInputException)
            {
                return false;
            }
        }
    }
}

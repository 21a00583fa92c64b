using System.Diagnostics;
using Grid.Risk.Accounts;
using Grid.Risk.Market;

namespace Grid.Risk.Monitoring;

/// <summary>
/// Keeps every replica a silo monitors and re-margins, on a price move, exactly those exposed to the
/// moved groups: partitions run in parallel, each with one preallocated book that is re-initialised
/// per account (no per-account allocation, no grain call). Replicas stay when their grain goes idle,
/// so an idle account with positions is still caught when its market moves.
/// </summary>
public sealed partial class MarginMonitor
{
    private readonly Partition[] _partitions;

    /// <summary>Creates a monitor with <paramref name="partitions"/> independently locked partitions.</summary>
    public MarginMonitor(int partitions = 0)
    {
        var n = partitions > 0 ? partitions : Math.Max(4, Environment.ProcessorCount * 4);
        _partitions = new Partition[n];
        for (var i = 0; i < n; i++)
        {
            _partitions[i] = new Partition();
        }
    }

    /// <summary>Replicas held.</summary>
    public int Count
    {
        get
        {
            var n = 0;
            foreach (var p in _partitions)
            {
                lock (p)
                {
                    n += p.Replicas.Count;
                }
            }

            return n;
        }
    }

    /// <summary>Adds or replaces an account's replica (older versions are ignored).</summary>
    public void Upsert(MonitoredAccount replica)
    {
        var p = PartitionOf(replica.Id);
        lock (p)
        {
            if (!p.Replicas.TryGetValue(replica.Id, out var old) || old.Version <= replica.Version)
            {
                p.Replicas[replica.Id] = replica;
            }
        }
    }

    /// <summary>Stops monitoring an account (flat and idle, or moved to another silo).</summary>
    public bool Remove(string accountId)
    {
        var p = PartitionOf(accountId);
        lock (p)
        {
            return p.Replicas.Remove(accountId);
        }
    }

    /// <summary>The replica of an account, if monitored here.</summary>
    public MonitoredAccount? Find(string accountId)
    {
        var p = PartitionOf(accountId);
        lock (p)
        {
            return p.Replicas.GetValueOrDefault(accountId);
        }
    }

    /// <summary>Counts the replicas by state (index = (int)state), without allocating.</summary>
    public void CountByState(Span<int> counts)
    {
        counts.Clear();
        foreach (var p in _partitions)
        {
            lock (p)
            {
                foreach (var r in p.Replicas.Values)
                {
                    var s = (int)r.State;
                    if ((uint)s < (uint)counts.Length)
                    {
                        counts[s]++;
                    }
                }
            }
        }
    }

    /// <summary>Every replica (a snapshot; for listings and tests).</summary>
    public IReadOnlyList<MonitoredAccount> Snapshot()
    {
        var all = new List<MonitoredAccount>();
        foreach (var p in _partitions)
        {
            lock (p)
            {
                all.AddRange(p.Replicas.Values);
            }
        }

        return all;
    }

    /// <summary>Re-margins every replica exposed to a group in <paramref name="groups"/> (bit g = group g) against <paramref name="model"/>.</summary>
    public SweepResult Sweep(RiskModel model, ulong groups = ulong.MaxValue)
    {
        var clock = Stopwatch.StartNew();
        var evaluated = 0;
        var skipped = 0;
        var transitions = new List<RiskTransition>();
        Parallel.ForEach(_partitions, p =>
        {
            lock (p)
            {
                p.Book ??= AccountBook.Empty(model);
                var (e, s) = p.Sweep(model, groups);
                Interlocked.Add(ref evaluated, e);
                Interlocked.Add(ref skipped, s);
                if (p.Transitions.Count > 0)
                {
                    lock (transitions)
                    {
                        transitions.AddRange(p.Transitions);
                    }

                    p.Transitions.Clear();
                }
            }
        });
        return new SweepResult(evaluated, skipped, transitions, clock.Elapsed);
    }

    private Partition PartitionOf(string id) => _partitions[(uint)StringComparer.Ordinal.GetHashCode(id) % (uint)_partitions.Length];

    private sealed class Partition
    {
        public readonly Dictionary<string, MonitoredAccount> Replicas = new(StringComparer.Ordinal);
        public readonly List<RiskTransition> Transitions = [];
        public AccountBook? Book;

        public (int Evaluated, int Skipped) Sweep(RiskModel model, ulong groups)
        {
            int evaluated = 0, skipped = 0;
            foreach (var r in Replicas.Values)
            {
                if ((r.GroupMask & groups) == 0 || !r.Margined)
                {
                    continue;
                }

                if (!r.LoadInto(Book!, model))
                {
                    skipped++;
                    continue;
                }

                evaluated++;
                var figures = Book!.Figures();
                if (figures.State != r.State)
                {
                    Transitions.Add(new RiskTransition(r.Id, r.State, figures.State, figures));
                    r.State = figures.State;
                }

                r.Figures = figures;
            }

            return (evaluated, skipped);
        }
    }
}

using Microsoft.Extensions.Options;

namespace Grid.Grains.House;

/// <summary>
/// Reaches every active silo's <see cref="IHouseRiskSilo"/> (by membership, not by a subscription list,
/// so a silo that just joined takes part and a dead one is not waited for) and makes sure an account held
/// by two silos is counted once: a census of stable id hashes finds the accounts held twice; of each, the
/// replica taken from the newer stored version counts (equal versions hold the same figures: the silo
/// first in address order counts), and the other silos are told to leave it out. When this silo begins
/// to stop, every part still awaited is abandoned, so a run in flight never holds up the shutdown.
/// </summary>
public sealed class HouseFanout(IClusterMembershipService membership, IHouseRiskSilos silos, IOptions<HouseRiskOptions> options)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public void Participate(ISiloLifecycle lifecycle)
        => lifecycle.Subscribe(nameof(HouseFanout), ServiceLifecycleStage.Active, _ => Task.CompletedTask, _ => _stopping.CancelAsync());

    public void Dispose() => _stopping.Dispose();

    /// <summary>The active silos, in address order.</summary>
    public IReadOnlyList<SiloAddress> Active()
        => [.. membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).Order()];

    /// <summary>The service of <paramref name="silo"/>.</summary>
    public IHouseRiskSilo On(SiloAddress silo) => silos.On(silo);

    /// <summary>
    /// Awaits a silo's answer for at most the part timeout, and no longer than this silo runs; the error
    /// then names the silo.
    /// </summary>
    public async Task<T> Within<T>(SiloAddress silo, Func<IHouseRiskSilo, Task<T>> call)
    {
        try
        {
            return await call(On(silo)).WaitAsync(options.Value.PartTimeout, _stopping.Token);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"silo {silo} did not answer its part within {options.Value.PartTimeout}", e);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new TimeoutException($"this silo is stopping: the part of silo {silo} is no longer awaited");
        }
    }

    /// <summary>The accounts each silo must leave out, and how many accounts were held twice.</summary>
    public async Task<(IReadOnlyDictionary<SiloAddress, string[]> Excluded, long Duplicates)> Census(IReadOnlyList<SiloAddress> active)
    {
        var excluded = new Dictionary<SiloAddress, string[]>();
        if (active.Count < 2)
        {
            return (excluded, 0);
        }

        var hashes = await Task.WhenAll(active.Select(s => Within(s, x => x.Census())));
        var twice = new HashSet<ulong>();
        for (var i = 0; i < hashes.Length; i++)
        {
            for (var j = i + 1; j < hashes.Length; j++)
            {
                Intersect(hashes[i], hashes[j], twice);
            }
        }

        if (twice.Count == 0)
        {
            return (excluded, 0);
        }

        var wanted = twice.ToArray();
        var entries = await Task.WhenAll(active.Select(s => Within(s, x => x.Resolve(wanted))));
        var holders = new Dictionary<string, List<(int Silo, long Version)>>(StringComparer.Ordinal);
        for (var s = 0; s < entries.Length; s++)
        {
            foreach (var e in entries[s])
            {
                (holders.TryGetValue(e.AccountId, out var list) ? list : holders[e.AccountId] = []).Add((s, e.Version));
            }
        }

        var lists = active.Select(_ => new List<string>()).ToArray();
        long duplicates = 0;
        foreach (var (id, list) in holders.Where(h => h.Value.Count > 1))
        {
            duplicates++;
            var winner = list.OrderByDescending(h => h.Version).ThenBy(h => h.Silo).First();
            foreach (var h in list.Where(h => h.Silo != winner.Silo))
            {
                lists[h.Silo].Add(id);
            }
        }

        for (var s = 0; s < active.Count; s++)
        {
            excluded[active[s]] = [.. lists[s]];
        }

        return (excluded, duplicates);
    }

    private static void Intersect(ulong[] a, ulong[] b, HashSet<ulong> into)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                into.Add(a[i]);
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
    }
}

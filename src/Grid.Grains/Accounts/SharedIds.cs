using System.Collections.Concurrent;

namespace Grid.Grains.Accounts;

/// <summary>
/// One string per instrument id, asset and venue for the whole silo: a resting order, a position or a
/// balance would otherwise hold its own copy of "BTC-PERP" and of the engine's key id, one per order and
/// account (≈ 90 B per resting order at a million resident accounts, issue 16). Bounded: past
/// <see cref="Capacity"/> distinct strings (far more than any catalog and its venues) a string is kept as
/// given, so ids sent by a misbehaving client cannot grow the pool without end.
/// </summary>
internal static class SharedIds
{
    /// <summary>Most distinct strings pooled.</summary>
    public const int Capacity = 65_536;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    /// <summary>The pooled copy of <paramref name="id"/> (pooling it when there is room).</summary>
    public static string Share(string id)
    {
        if (id.Length == 0)
        {
            return id;
        }

        if (Pool.TryGetValue(id, out var shared))
        {
            return shared;
        }

        return Pool.Count < Capacity ? Pool.GetOrAdd(id, id) : id;
    }
}

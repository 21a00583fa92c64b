namespace Grid.Grains.Journal;

/// <summary>
/// The changed entries of a keyed map (balances, positions). When keys were added or removed the whole
/// key order travels too, and the map is rebuilt in that order: a dictionary's enumeration order depends
/// on the history of its free slots, and the record must come back in the same order (the book is built
/// by enumerating it). Values only changed: just those values.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
[GenerateSerializer, Alias("grid.MapChange`1")]
public sealed class MapChange<T>
{
    /// <summary>New or changed values by key.</summary>
    [Id(0)] public Dictionary<string, T> Set { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every key in enumeration order when the set of keys changed, else null.</summary>
    [Id(1)] public List<string>? Order { get; set; }

    /// <summary>Applies the change; <paramref name="copy"/> keeps the entry's objects out of the record.</summary>
    public void ApplyTo(Dictionary<string, T> map, Func<T, T> copy)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(copy);
        if (Order is null)
        {
            foreach (var (key, value) in Set)
            {
                map[key] = copy(value);
            }

            return;
        }

        var before = new Dictionary<string, T>(map, map.Comparer);
        map.Clear();
        foreach (var key in Order)
        {
            map[key] = Set.TryGetValue(key, out var changed) ? copy(changed) : before[key];
        }
    }
}

namespace Grid.Grains.Journal;

/// <summary>The diff of a keyed map against its image (<see cref="MapChange{T}"/>); the image is brought up to date.</summary>
internal static class MapDiff
{
    public static MapChange<TOut>? Of<TImage, TLive, TOut>(
        Dictionary<string, TImage> image, Dictionary<string, TLive> live, Func<TImage, TLive, bool> same, Func<TLive, TImage> toImage, Func<TLive, TOut> toEntry)
    {
        MapChange<TOut>? change = null;
        var keysChanged = image.Count != live.Count;
        foreach (var (key, value) in live)
        {
            if (image.TryGetValue(key, out var old))
            {
                if (same(old, value))
                {
                    continue;
                }
            }
            else
            {
                keysChanged = true;
            }

            change ??= new MapChange<TOut>();
            change.Set[key] = toEntry(value);
        }

        if (!keysChanged)
        {
            // Same count and no new key: the same keys. Values only; the order is untouched.
            if (change is not null)
            {
                foreach (var (key, value) in live)
                {
                    if (change.Set.ContainsKey(key))
                    {
                        image[key] = toImage(value);
                    }
                }
            }

            return change;
        }

        change ??= new MapChange<TOut>();
        change.Order = new List<string>(live.Count);
        image.Clear();
        foreach (var (key, value) in live)
        {
            change.Order.Add(key);
            image[key] = toImage(value);
        }

        return change;
    }
}

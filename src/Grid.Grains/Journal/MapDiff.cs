namespace Grid.Grains.Journal;

/// <summary>
/// The diff of a keyed map (balances, positions) against its image, written as an entry's section
/// (<see cref="EntryFormat"/>; read back as a <see cref="MapChange{T}"/>); the image is brought up to date.
/// The changed values go in the live map's order. When keys were added or removed the whole key order follows
/// (the map is rebuilt in that order on replay: a dictionary's enumeration order depends on the history of its
/// free slots, and the record must come back in the same order, as the book is built by enumerating it).
/// </summary>
internal static class MapDiff
{
    /// <summary>Writes the section when the map changed; false (nothing written) when it did not.</summary>
    public static bool Write<TImage, TLive>(
        Dictionary<string, TImage> image, Dictionary<string, TLive> live, Func<TImage, TLive, bool> same, Func<TLive, TImage> toImage, Action<EntryWriter, TLive> write, EntryWriter w)
    {
        // The number of changed values is known only at the end: a fixed-width field reserved at the first one.
        var countAt = -1;
        var count = 0;
        var keysChanged = image.Count != live.Count;
        foreach (var (key, value) in live)
        {
            if (image.TryGetValue(key, out var old))
            {
                if (same(old, value))
                {
                    continue;
                }

                // The key set is untouched, so this lookup table may change while the live map is enumerated.
                image[key] = toImage(value);
            }
            else
            {
                keysChanged = true;
            }

            if (countAt < 0)
            {
                countAt = w.Reserve32();
            }

            w.String(key);
            write(w, value);
            count++;
        }

        if (!keysChanged && countAt < 0)
        {
            return false;
        }

        if (countAt < 0)
        {
            countAt = w.Reserve32();
        }

        w.Patch32(countAt, count);
        if (!keysChanged)
        {
            // Same count and no new key: the same keys. Values only; the order is untouched.
            w.UInt(0);
            return true;
        }

        w.UInt((ulong)live.Count + 1);
        image.Clear();
        foreach (var (key, value) in live)
        {
            w.String(key);
            image[key] = toImage(value);
        }

        return true;
    }
}

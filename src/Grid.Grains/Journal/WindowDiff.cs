namespace Grid.Grains.Journal;

/// <summary>
/// The diff of an idempotency window against its image, written as an entry's section (<see cref="EntryFormat"/>;
/// read back as a <see cref="WindowChange{T}"/>). A window only drops from its front and appends at its end, so
/// the live list is the image without its first d items plus what was appended: the smallest d whose rest of
/// the image heads the live list is taken (checked item by item, so the entry is exact whatever happened; d = all
/// of the image always fits).
/// </summary>
internal static class WindowDiff
{
    /// <summary>Writes the section when the window changed; false (nothing written) when it did not.</summary>
    public static bool Write<T>(List<T> image, List<T> live, Action<EntryWriter, T> write, EntryWriter w)
    {
        int before = image.Count, now = live.Count;
        var dropped = before;
        for (var d = Math.Max(0, before - now); d < before; d++)
        {
            if (Same(image[d], live[0]) && Heads(image, d, live))
            {
                dropped = d;
                break;
            }
        }

        var kept = before - dropped;
        if (dropped == 0 && kept == now)
        {
            return false;
        }

        w.UInt((ulong)dropped);
        w.UInt((ulong)(now - kept));
        image.RemoveRange(0, dropped);
        for (var i = kept; i < now; i++)
        {
            write(w, live[i]);
            image.Add(live[i]);
        }

        return true;
    }

    private static bool Heads<T>(List<T> image, int from, List<T> live)
    {
        for (var i = from; i < image.Count; i++)
        {
            if (!Same(image[i], live[i - from]))
            {
                return false;
            }
        }

        return true;
    }

    // Memos are immutable and kept by reference: the same object is the same memo; numbers compare by value.
    private static bool Same<T>(T a, T b) => typeof(T).IsValueType ? EqualityComparer<T>.Default.Equals(a, b) : ReferenceEquals(a, b);
}

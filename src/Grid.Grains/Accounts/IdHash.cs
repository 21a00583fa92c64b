namespace Grid.Grains.Accounts;

/// <summary>FNV-1a 64-bit of an id's characters: stable across processes, used to keep idempotency windows small.</summary>
internal static class IdHash
{
    public static ulong Of(string id)
    {
        var h = 14695981039346656037UL;
        foreach (var c in id)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }
}

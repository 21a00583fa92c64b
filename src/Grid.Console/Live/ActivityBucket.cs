using System.Collections.Concurrent;

namespace Grid.Console.Live;

/// <summary>Checks counted during one second of <see cref="CheckActivity"/>; fields are added to atomically.</summary>
internal sealed class ActivityBucket(long second)
{
    /// <summary>The second (since the clock's epoch) this bucket counts.</summary>
    public readonly long Second = second;

    /// <summary>Checks answered.</summary>
    public long Checks;

    /// <summary>Checks rejected.</summary>
    public long Rejects;

    /// <summary>Rejects by reason code.</summary>
    public readonly ConcurrentDictionary<string, long> Reasons = new(StringComparer.Ordinal);
}

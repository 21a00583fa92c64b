using StackExchange.Redis;

namespace Grid.Grains.Journal;

/// <summary>
/// Where an account's journal lives in Redis: a hash <c>{serviceId}/journal/account/{id}</c> holding the
/// write sequence (<c>seq</c>, the single-writer fence) and the latest snapshot (<c>snapshot</c>), and a
/// list <c>{serviceId}/journal/account/{id}/log</c> of the entries written since that snapshot.
/// </summary>
internal readonly record struct JournalKeys(RedisKey Head, RedisKey Log)
{
    public static JournalKeys Of(string serviceId, GrainId account)
    {
        var head = $"{serviceId}/journal/{account}";
        return new JournalKeys(head, head + "/log");
    }
}

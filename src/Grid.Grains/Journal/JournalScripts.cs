namespace Grid.Grains.Journal;

/// <summary>The journal's Lua scripts: each runs atomically in Redis, so a check of the fence and the write it guards cannot be split.</summary>
internal static class JournalScripts
{
    /// <summary>
    /// The writes of many accounts. KEYS: head and log of each; ARGV: the fence and the data of each. An account's
    /// sequence is the head's <c>seq</c> (the sequence of its snapshot) plus the entries in its log, so an append
    /// moves it by pushing its entry alone, with no second write to the head (redis-server's time a write is mostly
    /// its commands' arguments; docs/performance.md). The fence is the sequence the writer last saw, positive for an
    /// append; for a snapshot it is −(that sequence + 1), so 0 is a snapshot that starts a journal (none yet). An
    /// append is pushed first and taken back when the sequence before it was not the fence: the list's length comes
    /// with the push, and a refusal is rare. A write refused (another activation wrote meanwhile) changes nothing;
    /// the answer lists the positions (from 1, ascending) of those refused writes, so the usual answer is an empty
    /// array rather than one number per write. A snapshot replaces the journal in the same step (compaction).
    /// </summary>
    public const string Write = """
        local refused, call = {}, redis.call
        for i = 1, #KEYS / 2 do
          local head, log, fence = KEYS[2 * i - 1], KEYS[2 * i], tonumber(ARGV[2 * i - 1])
          if fence > 0 then
            local length = call('RPUSH', log, ARGV[2 * i])
            local seq = call('HGET', head, 'seq')
            if not seq or tonumber(seq) + length - 1 ~= fence then
              call('RPOP', log)
              refused[#refused + 1] = i
            end
          else
            local seq = call('HGET', head, 'seq')
            local current = seq and tonumber(seq) + call('LLEN', log) or -1
            if current == -fence - 1 then
              call('HSET', head, 'seq', string.format('%d', math.max(current, 0) + 1), 'snapshot', ARGV[2 * i])
              call('DEL', log)
            else
              refused[#refused + 1] = i
            end
          end
        end
        return refused
        """;

    /// <summary>
    /// An account's snapshot sequence, snapshot and entries in one consistent read (its sequence is the first plus
    /// the number of entries); an empty array when it has no journal.
    /// </summary>
    public const string Read = """
        local head = redis.call('HMGET', KEYS[1], 'seq', 'snapshot')
        if not head[1] then
          return {}
        end
        return { head[1], head[2], redis.call('LRANGE', KEYS[2], 0, -1) }
        """;
}

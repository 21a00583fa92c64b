namespace Grid.Grains.Journal;

/// <summary>The journal's Lua scripts: each runs atomically in Redis, so a check of the fence and the write it guards cannot be split.</summary>
internal static class JournalScripts
{
    /// <summary>
    /// The writes of many accounts. KEYS: head and log of each; ARGV: kind ('a' append, 's' snapshot), the
    /// sequence the writer last saw ('' for none yet), the next sequence and the data, for each. A write
    /// whose expected sequence is not the stored one (another activation wrote meanwhile) changes nothing;
    /// the answer lists the positions (from 1, ascending) of those refused writes, so the usual answer is an
    /// empty array rather than one number per write. A snapshot replaces the journal in the same step (compaction).
    /// </summary>
    public const string Write = """
        local refused = {}
        for i = 1, #KEYS / 2 do
          local head, log, a = KEYS[2 * i - 1], KEYS[2 * i], 4 * (i - 1)
          local seq = redis.call('HGET', head, 'seq')
          if (not seq and ARGV[a + 2] == '') or seq == ARGV[a + 2] then
            if ARGV[a + 1] == 's' then
              redis.call('HSET', head, 'seq', ARGV[a + 3], 'snapshot', ARGV[a + 4])
              redis.call('DEL', log)
            else
              redis.call('HSET', head, 'seq', ARGV[a + 3])
              redis.call('RPUSH', log, ARGV[a + 4])
            end
          else
            refused[#refused + 1] = i
          end
        end
        return refused
        """;

    /// <summary>An account's sequence, snapshot and entries in one consistent read; an empty array when it has no journal.</summary>
    public const string Read = """
        local head = redis.call('HMGET', KEYS[1], 'seq', 'snapshot')
        if not head[1] then
          return {}
        end
        return { head[1], head[2], redis.call('LRANGE', KEYS[2], 0, -1) }
        """;
}

namespace Grid.Host.Audit;

/// <summary>
/// Appends a batch of audit records to the stream in one Lua call: one stream entry per record, as one
/// <c>XADD</c> each would (same ids, same approximate trim), but one command for the client to send and
/// answer instead of one per record (≈ 13 µs of client CPU each, docs/performance.md), and all or none
/// of the batch (a retry after a failure writes no record twice).
/// </summary>
internal static class RedisAuditScript
{
    /// <summary>
    /// KEYS[1]: the stream; ARGV[1]: the approximate maximum length; ARGV[2]: the field count n (12, the
    /// entry's fields, <see cref="RedisAuditBatch.Names"/>); then the n field names; then n values per record
    /// (<see cref="RedisAuditBatch"/>). The names are sent once a batch: a record's values alone keep a full
    /// batch's arguments small (below the large-object heap). Each record's <c>XADD</c> names its arguments
    /// one by one: a table built per record and unpacked cost redis-server ≈ 1 µs a record more (of ≈ 6;
    /// docs/performance.md, issue 15).
    /// </summary>
    public const string Append = """
        local n = tonumber(ARGV[2])
        if n ~= 12 then
          return redis.error_reply('the audit script writes 12 fields, not ' .. ARGV[2])
        end
        local call, key, len = redis.call, KEYS[1], ARGV[1]
        local f1, f2, f3, f4, f5, f6 = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
        local f7, f8, f9, f10, f11, f12 = ARGV[9], ARGV[10], ARGV[11], ARGV[12], ARGV[13], ARGV[14]
        local a = 3 + n
        while a + n - 1 <= #ARGV do
          call('XADD', key, 'MAXLEN', '~', len, '*', f1, ARGV[a], f2, ARGV[a + 1], f3, ARGV[a + 2], f4, ARGV[a + 3],
            f5, ARGV[a + 4], f6, ARGV[a + 5], f7, ARGV[a + 6], f8, ARGV[a + 7], f9, ARGV[a + 8], f10, ARGV[a + 9],
            f11, ARGV[a + 10], f12, ARGV[a + 11])
          a = a + n
        end
        return 0
        """;
}

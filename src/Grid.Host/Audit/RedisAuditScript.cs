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
    /// KEYS[1]: the stream; ARGV[1]: the approximate maximum length; ARGV[2]: the field count n; then the n
    /// field names; then n values per record (<see cref="RedisAuditBatch"/>). The names are sent once a
    /// batch: a record's values alone keep a full batch's arguments small (below the large-object heap).
    /// </summary>
    public const string Append = """
        local n = tonumber(ARGV[2])
        local a = 3 + n
        while a + n - 1 <= #ARGV do
          local args = { 'XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*' }
          for j = 1, n do
            args[5 + 2 * j] = ARGV[2 + j]
            args[6 + 2 * j] = ARGV[a + j - 1]
          end
          redis.call(unpack(args))
          a = a + n
        end
        return 0
        """;
}

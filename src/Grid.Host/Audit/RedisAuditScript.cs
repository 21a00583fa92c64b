namespace Grid.Host.Audit;

/// <summary>
/// Appends a batch of audit records to the stream in one Lua call: one stream entry per record, as one
/// <c>XADD</c> each would (same ids, same approximate trim), but one command for the client to send and
/// answer instead of one per record (≈ 13 µs of client CPU each, docs/performance.md), and all or none
/// of the batch (a retry after a failure writes no record twice).
/// </summary>
internal static class RedisAuditScript
{
    /// <summary>KEYS[1]: the stream; ARGV[1]: the approximate maximum length; then per record its field count n and n name/value pairs.</summary>
    public const string Append = """
        local a = 2
        while a <= #ARGV do
          local n = tonumber(ARGV[a])
          local args = { 'XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*' }
          for j = 1, 2 * n do
            args[6 + j] = ARGV[a + j]
          end
          redis.call(unpack(args))
          a = a + 2 * n + 1
        end
        return 0
        """;
}

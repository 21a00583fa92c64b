namespace Grid.Host.Audit;

/// <summary>
/// Appends a batch of audit records to the stream in one Lua call: one stream entry per record, as one
/// <c>XADD</c> each would (same ids), but one command for the client to send and answer instead of one per
/// record (≈ 13 µs of client CPU each, docs/performance.md), and all or none of the batch (a retry after a
/// failure writes no record twice).
/// </summary>
internal static class RedisAuditScript
{
    /// <summary>
    /// KEYS[1]: the stream; ARGV[1]: the approximate maximum length; then one value per record, the entry's only
    /// field <c>r</c> (<see cref="PackedAuditRecord"/>). Few strings a record: redis-server's time went mostly to
    /// arguments (twelve fields and the trim's four words a record before; docs/performance.md, issue 15), so the
    /// stream is trimmed once a batch, as approximately as each <c>XADD</c> trimmed it.
    /// </summary>
    public const string Append = """
        local call, key = redis.call, KEYS[1]
        for a = 2, #ARGV do
          call('XADD', key, '*', 'r', ARGV[a])
        end
        call('XTRIM', key, 'MAXLEN', '~', ARGV[1])
        return 0
        """;
}

using System.Buffers;
using Grid.Gateway.Audit;
using StackExchange.Redis;
using Wire = Grid.Api.V1;

namespace Grid.Host.Audit;

/// <summary>
/// The arguments of one <see cref="RedisAuditScript"/> call for a batch of records, written straight from the
/// entries: each record as one value (<see cref="PackedAuditRecord"/>) holding what <see cref="AuditText.ToRecord"/>
/// gives for it (the JSON texts byte for byte), so <see cref="RedisAuditFields.To"/> reads back the same record.
/// The values go into one buffer reused from batch to batch and point into it: no wire record, no JSON string,
/// no per-record array. One per writer; not thread-safe.
/// </summary>
internal sealed class RedisAuditBatch(string silo)
{
    private readonly AuditJsonWriter _json = new();
    private readonly ArrayBufferWriter<byte> _text = new(4 * 1024);
    private ArrayBufferWriter<byte> _bytes = new(64 * 1024);
    private RedisValue[] _args = [];

    /// <summary>ARGV: the stream's approximate maximum length, then one value per record.</summary>
    public RedisValue[] Args(IReadOnlyList<AuditEntry> batch, long maxLength)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_args.Length != 1 + batch.Count)
        {
            _args = new RedisValue[1 + batch.Count];
        }

        _args[0] = maxLength;
        _bytes.ResetWrittenCount();
        var a = 1;
        foreach (var entry in batch)
        {
            var start = _bytes.WrittenCount;
            Pack(entry);

            // The buffer may have grown meanwhile (a new array holding a copy; the old one is never written
            // again): a slice of the array that holds the bytes now.
            _args[a++] = _bytes.WrittenMemory[start..];
        }

        return _args;
    }

    /// <summary>
    /// After a failed call: the client may still send its message later (a timeout), so its buffers are never
    /// written again; the next batch gets new ones.
    /// </summary>
    public void Abandon()
    {
        _bytes = new ArrayBufferWriter<byte>(64 * 1024);
        _args = [];
    }

    private void Pack(AuditEntry entry)
    {
        var decision = entry.Decision;
        var output = _bytes;
        output.GetSpan(1)[0] = PackedAuditRecord.Format;
        output.Advance(1);
        PackedAuditRecord.Number(output, (ulong)entry.At.UtcTicks);
        PackedAuditRecord.Text(output, entry.Caller);
        PackedAuditRecord.Text(output, entry.Action);
        PackedAuditRecord.Enum(output, (int)entry.Kind);
        PackedAuditRecord.Text(output, entry.AccountId);
        PackedAuditRecord.Text(output, decision?.ClientOrderId);
        PackedAuditRecord.Enum(output, (int)(decision?.Decision ?? Wire.Decision.Unspecified));
        PackedAuditRecord.Enum(output, (int)(decision?.RejectReason ?? Wire.RejectReason.Unspecified));

        // The JSON texts' lengths come first: written aside, then copied after their length.
        _text.ResetWrittenCount();
        _json.WriteInputs(entry.Inputs, _text);
        PackedAuditRecord.Utf8(output, _text.WrittenSpan);
        _text.ResetWrittenCount();
        _json.WriteOutcome(entry.Outcome, _text);
        PackedAuditRecord.Utf8(output, _text.WrittenSpan);
        PackedAuditRecord.Text(output, entry.Status);
        PackedAuditRecord.Text(output, silo);
    }
}

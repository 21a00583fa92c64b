using System.Buffers;
using System.Globalization;
using Grid.Gateway.Audit;
using StackExchange.Redis;
using Wire = Grid.Api.V1;

namespace Grid.Host.Audit;

/// <summary>
/// The arguments of one <see cref="RedisAuditScript"/> call for a batch of records, written straight from the
/// entries: the field names once, then each record's twelve values, the same as
/// <see cref="RedisAuditFields.From"/> gives for its wire record (the names, their order and each value's
/// bytes), so <see cref="RedisAuditFields.To"/> reads back the same record. The texts (time, inputs,
/// outcome) go into one buffer reused from batch to batch, and the values point into it: no wire record,
/// no JSON string, no per-record array. One per writer; not thread-safe.
/// </summary>
internal sealed class RedisAuditBatch(string silo)
{
    /// <summary>The stream entry's field names, in the order of <see cref="RedisAuditFields.From"/>.</summary>
    public static readonly string[] Names = ["at", "caller", "action", "kind", "account", "order", "decision", "reason", "inputs", "outcome", "status", "silo"];

    private const int Head = 2;
    private static readonly int Fields = Names.Length;

    private readonly AuditJsonWriter _json = new();
    private ArrayBufferWriter<byte> _bytes = new(64 * 1024);
    private RedisValue[] _args = [];

    /// <summary>ARGV: the stream's approximate maximum length, the field count n, the n names, then n values per record.</summary>
    public RedisValue[] Args(IReadOnlyList<AuditEntry> batch, long maxLength)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var length = Head + Fields + (Fields * batch.Count);
        if (_args.Length != length)
        {
            _args = new RedisValue[length];
            _args[1] = Fields;
            for (var j = 0; j < Fields; j++)
            {
                _args[Head + j] = Names[j];
            }
        }

        _args[0] = maxLength;
        _bytes.ResetWrittenCount();
        var a = Head + Fields;
        foreach (var entry in batch)
        {
            var decision = entry.Decision;
            _args[a++] = Time(entry.At);
            _args[a++] = entry.Caller;
            _args[a++] = entry.Action;
            _args[a++] = (int)entry.Kind;
            _args[a++] = entry.AccountId;
            _args[a++] = decision?.ClientOrderId ?? "";
            _args[a++] = (int)(decision?.Decision ?? Wire.Decision.Unspecified);
            _args[a++] = (int)(decision?.RejectReason ?? Wire.RejectReason.Unspecified);
            _args[a++] = Inputs(entry.Inputs);
            _args[a++] = Outcome(entry.Outcome);
            _args[a++] = entry.Status;
            _args[a++] = silo;
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

    // As the wire record's Timestamp gives it back: UTC, round-trip format.
    private ReadOnlyMemory<byte> Time(DateTimeOffset at)
    {
        var start = _bytes.WrittenCount;
        var span = _bytes.GetSpan(64);
        if (!new DateTimeOffset(at.UtcTicks, TimeSpan.Zero).TryFormat(span, out var written, "O", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a round-trip time is longer than 64 bytes");
        }

        _bytes.Advance(written);
        return Slice(start);
    }

    private ReadOnlyMemory<byte> Inputs(object? inputs)
    {
        var start = _bytes.WrittenCount;
        _json.WriteInputs(inputs, _bytes);
        return Slice(start);
    }

    private ReadOnlyMemory<byte> Outcome(Google.Protobuf.IMessage? outcome)
    {
        var start = _bytes.WrittenCount;
        _json.WriteOutcome(outcome, _bytes);
        return Slice(start);
    }

    // The buffer may have grown since (a new array holding a copy): a slice of the array that holds the bytes now.
    private ReadOnlyMemory<byte> Slice(int start) => _bytes.WrittenMemory[start..];
}

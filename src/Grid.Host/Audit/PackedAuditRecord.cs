using System.Buffers;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grid.Abstractions;
using Wire = Grid.Api.V1;

namespace Grid.Host.Audit;

/// <summary>
/// An audit record as one value: the stream entry's only field, <c>r</c>. redis-server's time a record went mostly
/// to its twelve fields as Lua strings and <c>XADD</c> arguments (docs/performance.md), so the record travels and is
/// stored as one string. Layout (docs/operations.md, "The audit trail in Redis"): the format byte 1; the time as
/// UTC ticks; caller, action; kind; account, client order id; decision, reject reason; inputs, outcome (JSON);
/// status; silo. Numbers are LEB128 varints (the enums zigzag), strings their UTF-8 byte length then the bytes.
/// Nothing is a float: the decimals are in the JSON texts, as written.
/// </summary>
internal static class PackedAuditRecord
{
    /// <summary>The stream entry's field name.</summary>
    public const string Field = "r";

    /// <summary>The first byte of a value in this layout.</summary>
    public const byte Format = 1;

    // A string's bytes as the client would encode the same text sent as a field (a lone surrogate becomes U+FFFD).
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Number(IBufferWriter<byte> output, ulong value) => output.Advance(Varint.Write(output.GetSpan(Varint.MaxLength), value));

    // An int's zigzag fits 32 bits, so an enum takes at most five bytes and reads back through the range check below.
    public static void Enum(IBufferWriter<byte> output, int value) => Number(output, Varint.ZigZag(value));

    public static void Text(IBufferWriter<byte> output, string? value)
    {
        value ??= "";
        var length = Lenient.GetByteCount(value);
        Number(output, (ulong)length);
        Lenient.GetBytes(value, output.GetSpan(length));
        output.Advance(length);
    }

    /// <summary>Bytes already UTF-8 (the JSON texts), with their length.</summary>
    public static void Utf8(IBufferWriter<byte> output, ReadOnlySpan<byte> value)
    {
        Number(output, (ulong)value.Length);
        value.CopyTo(output.GetSpan(value.Length));
        output.Advance(value.Length);
    }

    /// <summary>The wire record of stream entry <paramref name="id"/>; a value not in this layout is refused, naming the entry.</summary>
    public static Wire.AuditRecord Read(string id, ReadOnlySpan<byte> value)
    {
        var reader = new Reader(id, value);
        if (reader.Byte() != Format)
        {
            throw reader.Malformed($"format {value[0]} is not {Format}");
        }

        var ticks = reader.Number();
        if (ticks > (ulong)DateTimeOffset.MaxValue.UtcTicks)
        {
            throw reader.Malformed($"time {ticks} ticks is out of range");
        }

        var record = new Wire.AuditRecord
        {
            Id = id,
            At = Timestamp.FromDateTimeOffset(new DateTimeOffset((long)ticks, TimeSpan.Zero)),
            Caller = reader.Text(),
            Action = reader.Text(),
            Kind = (Wire.AuditKind)reader.Enum(),
            AccountId = reader.Text(),
            ClientOrderId = reader.Text(),
            Decision = (Wire.Decision)reader.Enum(),
            RejectReason = (Wire.RejectReason)reader.Enum(),
            InputsJson = reader.Text(),
            OutcomeJson = reader.Text(),
            Status = reader.Text(),
            Silo = reader.Text(),
        };
        reader.End();
        return record;
    }

    private ref struct Reader
    {
        private readonly string _id;
        private readonly ReadOnlySpan<byte> _value;
        private int _at;

        public Reader(string id, ReadOnlySpan<byte> value)
        {
            _id = id;
            _value = value;
        }

        public byte Byte() => _at < _value.Length ? _value[_at++] : throw Malformed("it ends early");

        public ulong Number()
        {
            try
            {
                return Varint.Read(_value, ref _at);
            }
            catch (InvalidDataException e)
            {
                throw Malformed(e.Message, e);
            }
        }

        public int Enum()
        {
            var n = Number();
            return n <= uint.MaxValue ? (int)Varint.UnZigZag(n) : throw Malformed($"an enum value {n} is out of range");
        }

        public string Text()
        {
            var length = Number();
            if (length > (ulong)(_value.Length - _at))
            {
                throw Malformed($"a text of {length} bytes is longer than what is left ({_value.Length - _at})");
            }

            try
            {
                var text = Strict.GetString(_value.Slice(_at, (int)length));
                _at += (int)length;
                return text;
            }
            catch (DecoderFallbackException)
            {
                throw Malformed($"the text at byte {_at} is not UTF-8");
            }
        }

        public readonly void End()
        {
            if (_at != _value.Length)
            {
                throw Malformed($"{_value.Length - _at} bytes follow the record");
            }
        }

        public readonly InvalidDataException Malformed(string why, Exception? inner = null)
            => new($"audit stream entry {_id}: the packed record ('{Field}') is malformed: {why}", inner);
    }
}

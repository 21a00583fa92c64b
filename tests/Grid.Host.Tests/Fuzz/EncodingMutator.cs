using Google.Protobuf.Reflection;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Damages a valid protobuf encoding: bit flips, truncation, inserted and overwritten bytes, unknown
/// fields of every wire type (the invalid ones 6 and 7 too), huge and negative length prefixes,
/// over-long varints, groups nested past the parser's recursion limit, invalid UTF-8 in a string field,
/// or plain random bytes. Some results still decode (the server must answer them like any message),
/// most do not (the server must refuse them cleanly).
/// </summary>
internal sealed class EncodingMutator(Random random)
{
    /// <summary>A damaged copy of <paramref name="valid"/> and what was done to it.</summary>
    public (byte[] Bytes, string How) Mutate(byte[] valid, MessageDescriptor type)
    {
        var bytes = new List<byte>(valid);
        switch (random.Next(12))
        {
            case 0:
                var flips = 1 + random.Next(4);
                for (var i = 0; i < flips && bytes.Count > 0; i++)
                {
                    var at = random.Next(bytes.Count);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }

                return ([.. bytes], $"{flips} bit flip(s)");
            case 1:
                return ([.. bytes.Take(bytes.Count == 0 ? 0 : random.Next(bytes.Count))], "truncated");
            case 2:
                bytes.InsertRange(random.Next(bytes.Count + 1), RandomBytes(1 + random.Next(16)));
                return ([.. bytes], "random bytes inserted");
            case 3 when bytes.Count > 0:
                bytes[random.Next(bytes.Count)] = Pick<byte>([0x00, 0xFF, 0x80, 0x7F, 0x0A, 0x12]);
                return ([.. bytes], "byte overwritten");
            case 4:
                var wireType = random.Next(8);
                bytes.AddRange(Varint(((ulong)(1 + random.Next(536_870_911)) << 3) | (uint)wireType));
                bytes.AddRange(RandomBytes(random.Next(12)));
                return ([.. bytes], $"unknown field, wire type {wireType}");
            case 5:
                // A length-delimited field that claims far more bytes than follow.
                bytes.AddRange(Varint(((ulong)(1 + random.Next(15)) << 3) | 2));
                bytes.AddRange(Varint(Pick<ulong>([0x7FFF_FFFF, 0xFFFF_FFFF, 1_000_000, 65_536])));
                bytes.AddRange(RandomBytes(4));
                return ([.. bytes], "huge length prefix");
            case 6:
                bytes.AddRange(Varint(((ulong)(1 + random.Next(15)) << 3) | 2));
                bytes.AddRange(Enumerable.Repeat((byte)0xFF, 9).Append((byte)0x01));
                return ([.. bytes], "negative length prefix");
            case 7:
                bytes.AddRange(Varint(((ulong)(1 + random.Next(15)) << 3) | 0));
                bytes.AddRange(Enumerable.Repeat((byte)0xFF, 11));
                return ([.. bytes], "over-long varint");
            case 8:
                var depth = Pick([99, 101, 1_000, 20_000]);
                var field = (ulong)(1_000 + random.Next(1_000));
                for (var i = 0; i < depth; i++)
                {
                    bytes.AddRange(Varint((field << 3) | 3));
                }

                for (var i = 0; i < depth && random.Next(4) > 0; i++)
                {
                    bytes.AddRange(Varint((field << 3) | 4));
                }

                return ([.. bytes], $"groups nested {depth} deep");
            case 9 when type.Fields.InDeclarationOrder().FirstOrDefault(f => f.FieldType == FieldType.String) is { } text:
                byte[] invalid = Pick<byte[]>([[0xFF, 0xFE], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x66, 0x7A, 0x80]]);
                bytes.AddRange(Varint(((ulong)text.FieldNumber << 3) | 2));
                bytes.AddRange(Varint((ulong)invalid.Length));
                bytes.AddRange(invalid);
                return ([.. bytes], $"invalid UTF-8 in {text.Name}");
            case 10:
                return ([.. valid, .. valid], "encoding repeated (a merge)");
            default:
                return (RandomBytes(random.Next(300)), "random bytes");
        }
    }

    /// <summary>Bytes of no structure at all.</summary>
    public byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static IEnumerable<byte> Varint(ulong value)
    {
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            yield return value == 0 ? b : (byte)(b | 0x80);
        }
        while (value != 0);
    }

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];
}

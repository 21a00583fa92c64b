using System.Buffers.Binary;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Broken gRPC length-prefixed framing around a message: lengths longer or shorter than the bytes sent,
/// a cut header, a 4 GiB length, the compressed flag without (or with a bogus) grpc-encoding, an
/// undefined flag byte, two messages on a unary call, no message at all, and garbage grpc-timeout headers.
/// </summary>
internal sealed class FrameMutator(Random random)
{
    private static readonly string[] Timeouts = ["-1S", "1n", "0S", "99999999H", "abc", "1", "100000000S", "1.5S", "", "18446744073709551616m"];

    public RawFrame Frame(byte[] message)
    {
        var length = (uint)message.Length;
        switch (random.Next(13))
        {
            case 0:
                return Refused(Header(0, length + 1 + (uint)random.Next(1_000)).Concat(message), "length longer than the message");
            case 1 when length > 0:
                var shorter = length - 1 - (uint)random.Next((int)length);
                return new([.. Header(0, shorter).Concat(message)], [], "length shorter than the message", message[..(int)shorter]);
            case 2:
                return Refused(Header(0, 5), "header without its message");
            case 3:
                return Refused(Header(0, length).Take(1 + random.Next(4)), "cut header");
            case 4:
                return Refused(Header(1, length).Concat(message), "compressed flag without grpc-encoding");
            case 5:
                return Refused(Header(1, length).Concat(message), "compressed flag with gzip that is not gzip", new KeyValuePair<string, string>("grpc-encoding", "gzip"));
            case 6:
                return Refused(Header((byte)random.Next(2, 256), length).Concat(message), "undefined flag byte");
            case 7:
                return Refused(Header(0, uint.MaxValue).Concat(message), "4 GiB length");
            case 8:
                return new([.. Header(0, length).Concat(message).Concat(Header(0, length)).Concat(message)], [], "two messages", message);
            case 9:
                return Refused([], "no message");
            case 10:
                return new([.. Header(0, length).Concat(message)], [new("grpc-timeout", Timeouts[random.Next(Timeouts.Length)])], "bad grpc-timeout", message);
            case 11:
                return Refused(Header(1, length).Concat(message), "unsupported grpc-encoding", new KeyValuePair<string, string>("grpc-encoding", random.Next(2) == 0 ? "br" : "identity"));
            default:
                return new([.. Header(0, length).Concat(message).Concat(new byte[] { 0, 0, 0 })], [], "trailing partial header", message);
        }
    }

    private static byte[] Header(byte flag, uint length)
    {
        var header = new byte[5];
        header[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), length);
        return header;
    }

    private static RawFrame Refused(IEnumerable<byte> body, string how, params KeyValuePair<string, string>[] headers) => new([.. body], headers, how, null);
}

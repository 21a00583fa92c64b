using System.Buffers;

namespace Grid.Gateway.Audit;

/// <summary>
/// A string as protobuf's <c>JsonFormatter</c> writes it, in UTF-8: quoted; <c>"</c> and <c>\</c> escaped,
/// <c>\b \t \n \f \r</c> by letter, the other control characters, <c>&lt;</c>, <c>&gt;</c>, DEL and C1, the
/// invisible and direction-changing characters it lists, and both halves of a surrogate pair as <c>\uXXXX</c>
/// (lowercase hex); everything else as is. Checked against the formatter for every UTF-16 code unit
/// (<c>DecisionJsonTests</c>). A lone surrogate, which the formatter refuses, is escaped like a pair's half:
/// the writer never throws on a string.
/// </summary>
internal static class ProtoJsonString
{
    public static void Write(string text, IBufferWriter<byte> output)
    {
        // At most 6 bytes per UTF-16 code unit (\uXXXX), plus the quotes.
        var span = output.GetSpan((text.Length * 6) + 2);
        var at = 0;
        span[at++] = (byte)'"';
        foreach (var c in text)
        {
            if (c < 0x80 && !Escaped(c))
            {
                span[at++] = (byte)c;
            }
            else if (Escaped(c))
            {
                at += Escape(c, span[at..]);
            }
            else if (c < 0x800)
            {
                span[at++] = (byte)(0xC0 | (c >> 6));
                span[at++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                span[at++] = (byte)(0xE0 | (c >> 12));
                span[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                span[at++] = (byte)(0x80 | (c & 0x3F));
            }
        }

        span[at++] = (byte)'"';
        output.Advance(at);
    }

    private static bool Escaped(char c) => c switch
    {
        < (char)0x20 or '"' or '\\' or '<' or '>' => true,
        >= (char)0x7F and <= (char)0x9F => true,
        (char)0xAD or (char)0x6DD or (char)0x70F or (char)0x17B4 or (char)0x17B5 or (char)0xFEFF => true,
        >= (char)0x600 and <= (char)0x603 => true,
        >= (char)0x200B and <= (char)0x200F => true,
        >= (char)0x2028 and <= (char)0x202E => true,
        >= (char)0x2060 and <= (char)0x2064 => true,
        >= (char)0x206A and <= (char)0x206F => true,
        >= (char)0xFFF9 and <= (char)0xFFFB => true,

        // Surrogates: a pair's halves are each escaped, and so is a lone one (it has no UTF-8 form).
        >= (char)0xD800 and <= (char)0xDFFF => true,
        _ => false,
    };

    private static int Escape(char c, Span<byte> span)
    {
        span[0] = (byte)'\\';
        switch (c)
        {
            case '"' or '\\':
                span[1] = (byte)c;
                return 2;
            case '\b':
                span[1] = (byte)'b';
                return 2;
            case '\t':
                span[1] = (byte)'t';
                return 2;
            case '\n':
                span[1] = (byte)'n';
                return 2;
            case '\f':
                span[1] = (byte)'f';
                return 2;
            case '\r':
                span[1] = (byte)'r';
                return 2;
            default:
                span[1] = (byte)'u';
                span[2] = Hex(c >> 12);
                span[3] = Hex((c >> 8) & 0xF);
                span[4] = Hex((c >> 4) & 0xF);
                span[5] = Hex(c & 0xF);
                return 6;
        }
    }

    private static byte Hex(int digit) => (byte)(digit < 10 ? '0' + digit : 'a' + digit - 10);
}

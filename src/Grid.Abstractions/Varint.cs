using System.Numerics;

namespace Grid.Abstractions;

/// <summary>
/// LEB128 varints, the numbers of the grid's own binary layouts (the journal's entries, the packed audit record):
/// seven bits a byte, low bits first, the high bit set on every byte but the last. Signed numbers are zigzagged
/// first, so small magnitudes take one byte whatever their sign. Allocates nothing; what it refuses it refuses
/// with an <see cref="InvalidDataException"/> that the layout's reader prefixes with what it was reading.
/// </summary>
public static class Varint
{
    /// <summary>Most bytes a 64-bit number takes (ten: 9 × 7 = 63 bits, and one more).</summary>
    public const int MaxLength = 10;

    /// <summary>The bytes <paramref name="value"/> takes.</summary>
    public static int Length(ulong value) => ((64 - BitOperations.LeadingZeroCount(value | 1)) + 6) / 7;

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>; the bytes written.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Length"/>.</exception>
    public static int Write(Span<byte> destination, ulong value)
    {
        // Checked once here so the loop cannot stop half way through a number.
        if (destination.Length < Length(value))
        {
            throw new ArgumentException($"{destination.Length} bytes cannot hold a varint of {Length(value)}", nameof(destination));
        }

        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>
    /// Reads the number at <paramref name="at"/> in <paramref name="source"/> and moves <paramref name="at"/> past it.
    /// A number that runs past the end of <paramref name="source"/>, or holds more than 64 bits (a tenth byte above 1,
    /// an eleventh byte), is refused naming where it starts; <paramref name="at"/> is then left where it was.
    /// </summary>
    /// <exception cref="InvalidDataException">The number is cut short or longer than 64 bits.</exception>
    public static ulong Read(ReadOnlySpan<byte> source, ref int at)
    {
        ulong value = 0;
        var i = at;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if ((uint)i >= (uint)source.Length)
            {
                throw CutShort(at, source.Length);
            }

            var b = source[i++];
            if (shift == 63 && b > 1)
            {
                // The tenth byte holds bit 63 only: more would be silently lost.
                throw OverLong(at);
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                at = i;
                return value;
            }
        }

        throw OverLong(at);
    }

    /// <summary>A signed number as the unsigned one written for it: 0, -1, 1, -2, … become 0, 1, 2, 3, ….</summary>
    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    /// <summary>The signed number <paramref name="value"/> was written for (<see cref="ZigZag"/> undone).</summary>
    public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    // Built apart from Read so its loop stays small; only a malformed input gets here.
    private static InvalidDataException CutShort(int start, int length)
        => new($"the number at byte {start} is cut short (the input ends {length - start} bytes on, inside it)");

    private static InvalidDataException OverLong(int start) => new($"the number at byte {start} is longer than 64 bits");
}

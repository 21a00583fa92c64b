using Grid.Abstractions;
using Grid.Grains.Journal;

namespace Grid.Grains.Tests.Journal;

/// <summary>
/// The varints of the journal's entries and the packed audit record (<see cref="Varint"/>, in Grid.Abstractions,
/// which has no test project of its own): a number takes one more byte at each 7-bit edge, reads back exactly,
/// and input cut short or over 64 bits is refused naming where the number starts, without moving on.
/// </summary>
public sealed class VarintTests
{
    public static TheoryData<int> Edges => new() { 7, 14, 21, 28, 35, 42, 49, 56, 63 };

    [Theory]
    [MemberData(nameof(Edges))]
    public void AtEachSevenBitEdge_TheNumberTakesOneMoreByte_AndReadsBack(int bits)
    {
        var below = (1UL << bits) - 1;
        var at = 1UL << bits;
        Assert.Equal(bits / 7, RoundTrip(below));
        Assert.Equal((bits / 7) + 1, RoundTrip(at));
        Assert.Equal((bits / 7) + 1, RoundTrip(at + 1));
    }

    [Fact]
    public void TheEndsOfTheRange_ReadBack()
    {
        Assert.Equal(1, RoundTrip(0));
        Assert.Equal(Varint.MaxLength, RoundTrip(ulong.MaxValue));
    }

    [Fact]
    public void TheBytes_AreLeb128()
    {
        // The example of the protobuf encoding guide: 150 is 96 01, 300 is AC 02.
        Assert.Equal(new byte[] { 0x96, 0x01 }, Encoded(150));
        Assert.Equal(new byte[] { 0xAC, 0x02 }, Encoded(300));
        Assert.Equal([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], Encoded(ulong.MaxValue));
    }

    [Fact]
    public void NumbersSideBySide_ReadOneAfterAnother()
    {
        ulong[] values = [0, 127, 128, 1UL << 35, ulong.MaxValue, 5];
        var buffer = new byte[values.Length * Varint.MaxLength];
        var written = 0;
        foreach (var v in values)
        {
            written += Varint.Write(buffer.AsSpan(written), v);
        }

        var at = 0;
        foreach (var v in values)
        {
            Assert.Equal(v, Varint.Read(buffer.AsSpan(0, written), ref at));
        }

        Assert.Equal(written, at);
    }

    [Theory]
    [InlineData(0L, 0UL)]
    [InlineData(-1L, 1UL)]
    [InlineData(1L, 2UL)]
    [InlineData(-2L, 3UL)]
    [InlineData(long.MaxValue, ulong.MaxValue - 1)]
    [InlineData(long.MinValue, ulong.MaxValue)]
    public void ZigZag_InterleavesTheSigns(long value, ulong zigzag)
    {
        Assert.Equal(zigzag, Varint.ZigZag(value));
        Assert.Equal(value, Varint.UnZigZag(zigzag));
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void NegativeNumbers_TakeTheBytesOfTheirMagnitude_AndReadBack(int bits)
    {
        // -(2^(bits-1)) is the last negative number of (bits/7) bytes: zigzag maps it to 2^bits - 1.
        var last = -(1L << (bits - 1));
        Assert.Equal(bits / 7, RoundTrip(Varint.ZigZag(last)));
        Assert.Equal((bits / 7) + 1, RoundTrip(Varint.ZigZag(last - 1)));
        Assert.Equal(last, Varint.UnZigZag(Varint.ZigZag(last)));
        Assert.Equal(last - 1, Varint.UnZigZag(Varint.ZigZag(last - 1)));
    }

    [Fact]
    public void ANumberCutShort_IsRefused_NamingWhereItStarts_AndNothingIsRead()
    {
        var whole = Encoded(ulong.MaxValue);
        for (var cut = 0; cut < whole.Length; cut++)
        {
            byte[] input = [0x05, .. whole[..cut]];
            var at = 1;
            var refused = Assert.Throws<InvalidDataException>(() => Varint.Read(input, ref at));
            Assert.Equal("the number at byte 1 is cut short (the input ends " + cut + " bytes on, inside it)", refused.Message);
            Assert.Equal(1, at);
        }
    }

    [Fact]
    public void ANumberOverSixtyFourBits_IsRefused()
    {
        // Ten bytes carry 70 bits: the tenth may hold bit 63 only (1), and there is no eleventh.
        byte[] bit63 = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01];
        var at = 0;
        Assert.Equal(1UL << 63, Varint.Read(bit63, ref at));

        byte[][] overLong =
        [
            [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02],
            [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F],
            [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
        ];
        foreach (var input in overLong)
        {
            at = 0;
            var refused = Assert.Throws<InvalidDataException>(() => Varint.Read(input, ref at));
            Assert.Equal("the number at byte 0 is longer than 64 bits", refused.Message);
            Assert.Equal(0, at);
        }
    }

    [Fact]
    public void ADestinationTooShort_IsRefused_BeforeAnyByteIsWritten()
    {
        var destination = new byte[2];
        Assert.Throws<ArgumentException>(() => Varint.Write(destination, 1UL << 14));
        Assert.Equal(new byte[2], destination);
        Assert.Equal(2, Varint.Write(destination, (1UL << 14) - 1));
    }

    [Fact]
    public void TheJournalsReader_PrefixesWhatItWasReading()
    {
        var refused = Assert.Throws<InvalidDataException>(() => new EntryReader([0x80, 0x80]).UInt());
        Assert.Equal("journal entry: the number at byte 0 is cut short (the input ends 2 bytes on, inside it)", refused.Message);
        var writer = new EntryWriter();
        writer.Start();
        writer.Int(long.MinValue);
        writer.UInt(ulong.MaxValue);
        var reader = new EntryReader(writer.Written.Span);
        Assert.Equal(long.MinValue, reader.Int());
        Assert.Equal(ulong.MaxValue, reader.UInt());
        Assert.True(reader.End);
    }

    // The bytes written, checked against Length and read back: the count.
    private static int RoundTrip(ulong value)
    {
        var bytes = Encoded(value);
        Assert.Equal(Varint.Length(value), bytes.Length);
        var at = 0;
        Assert.Equal(value, Varint.Read(bytes, ref at));
        Assert.Equal(bytes.Length, at);
        return bytes.Length;
    }

    private static byte[] Encoded(ulong value)
    {
        var buffer = new byte[Varint.MaxLength];
        return buffer[..Varint.Write(buffer, value)];
    }
}

using System.Buffers.Binary;
using System.Text;
using Grid.Abstractions;

namespace Grid.Grains.Journal;

/// <summary>
/// Writes one journal entry at a time into a buffer kept from write to write (<see cref="EntryFormat"/>). An
/// account has one write in flight at a time (group commit), and Redis has read the entry once its write is
/// answered, so the journal reuses the buffer for its next entry and a write allocates nothing for its data.
/// </summary>
internal sealed class EntryWriter
{
    // An entry rarely needs more; a larger one (many orders at once) grows the buffer, given back after it.
    private const int Kept = 4096;
    private byte[] _buffer = new byte[256];
    private int _length;

    /// <summary>The entry written since <see cref="Start"/>.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public int Length => _length;

    /// <summary>Starts a new entry (the one before is no longer in use).</summary>
    public void Start()
    {
        if (_buffer.Length > Kept)
        {
            _buffer = new byte[256];
        }

        _length = 0;
    }

    public void Byte(byte value)
    {
        Room(1);
        _buffer[_length++] = value;
    }

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void UInt(ulong value)
    {
        Room(Varint.MaxLength);
        _length += Varint.Write(_buffer.AsSpan(_length), value);
    }

    /// <summary>A signed number, zigzag-encoded (small magnitudes take a byte whatever their sign).</summary>
    public void Int(long value) => UInt(Varint.ZigZag(value));

    public void Fixed64(ulong value)
    {
        Room(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>The UTF-8 byte length + 1 (0 for null), then the bytes.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            UInt(0);
            return;
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        UInt((ulong)bytes + 1);
        Room(bytes);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    /// <summary>
    /// A decimal exactly: a byte of sign (bit 7), scale (bits 0-4) and whether the integer needs more than 64
    /// bits (bit 5), then its low 64 bits and, if needed, its high 32 as varints (a price or quantity: 3-6 bytes).
    /// </summary>
    public void Decimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        System.Decimal.GetBits(value, bits);
        var flags = bits[3];
        var low = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        var high = (uint)bits[2];
        var head = (byte)(((flags >> 16) & 0x1F) | (flags < 0 ? 0x80 : 0) | (high != 0 ? 0x20 : 0));
        Byte(head);
        UInt(low);
        if (high != 0)
        {
            UInt(high);
        }
    }

    /// <summary>Reserves a little-endian 16-bit field to be filled in by <see cref="Patch16"/>; its position.</summary>
    public int Reserve16()
    {
        Room(2);
        _length += 2;
        return _length - 2;
    }

    public void Patch16(int at, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(at), value);

    /// <summary>Reserves a little-endian 32-bit field to be filled in by <see cref="Patch32"/>; its position.</summary>
    public int Reserve32()
    {
        Room(4);
        _length += 4;
        return _length - 4;
    }

    public void Patch32(int at, int value) => BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(at), value);

    private void Room(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        }
    }
}

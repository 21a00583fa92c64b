using System.Buffers.Binary;
using System.Text;
using Grid.Abstractions;

namespace Grid.Grains.Journal;

/// <summary>Reads what <see cref="EntryWriter"/> wrote, in the same order; a truncated or malformed entry throws <see cref="InvalidDataException"/>.</summary>
internal ref struct EntryReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _at;

    public readonly bool End => _at == _data.Length;

    public readonly int Remaining => _data.Length - _at;

    public byte Byte()
    {
        Need(1);
        return _data[_at++];
    }

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        var b => throw new InvalidDataException($"journal entry: {b} is not a flag"),
    };

    public ulong UInt()
    {
        try
        {
            return Varint.Read(_data, ref _at);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"journal entry: {e.Message}", e);
        }
    }

    public long Int() => Varint.UnZigZag(UInt());

    /// <summary>A count or an index: a number that must fit an int and not exceed what is left to read (each item takes a byte at least).</summary>
    public int Count()
    {
        var value = UInt();
        return value <= (ulong)(_data.Length - _at) ? (int)value : throw new InvalidDataException($"journal entry: a count of {value} with {_data.Length - _at} bytes left");
    }

    /// <summary>A position or a number of items removed: a number that must fit an int.</summary>
    public int Index()
    {
        var value = UInt();
        return value <= int.MaxValue ? (int)value : throw new InvalidDataException($"journal entry: {value} is out of range");
    }

    public int Int32()
    {
        var value = Int();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new InvalidDataException($"journal entry: {value} is out of range");
    }

    public ulong Fixed64()
    {
        Need(8);
        var value = BinaryPrimitives.ReadUInt64LittleEndian(_data[_at..]);
        _at += 8;
        return value;
    }

    public ushort Fixed16()
    {
        Need(2);
        var value = BinaryPrimitives.ReadUInt16LittleEndian(_data[_at..]);
        _at += 2;
        return value;
    }

    public int Fixed32()
    {
        Need(4);
        var value = BinaryPrimitives.ReadInt32LittleEndian(_data[_at..]);
        _at += 4;
        return value;
    }

    public string? String()
    {
        var length = UInt();
        if (length == 0)
        {
            return null;
        }

        var bytes = length - 1 <= int.MaxValue ? (int)(length - 1) : throw new InvalidDataException("journal entry: a string too long");
        Need(bytes);
        var value = Encoding.UTF8.GetString(_data.Slice(_at, bytes));
        _at += bytes;
        return value;
    }

    public decimal Decimal()
    {
        var head = Byte();
        if ((head & 0x40) != 0 || (head & 0x1F) > 28)
        {
            throw new InvalidDataException($"journal entry: {head:x2} does not start a decimal");
        }

        var low = UInt();
        var high = (head & 0x20) != 0 ? UInt() : 0;
        if (high > uint.MaxValue)
        {
            throw new InvalidDataException("journal entry: a decimal wider than 96 bits");
        }

        Span<int> bits = [(int)(uint)low, (int)(uint)(low >> 32), (int)(uint)high, ((head & 0x1F) << 16) | ((head & 0x80) != 0 ? int.MinValue : 0)];
        return new decimal(bits);
    }

    private readonly void Need(int bytes)
    {
        if (bytes < 0 || _data.Length - _at < bytes)
        {
            throw new InvalidDataException("journal entry: cut short");
        }
    }
}

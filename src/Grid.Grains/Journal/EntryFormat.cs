namespace Grid.Grains.Journal;

/// <summary>
/// The journal entry's own binary format (format 1), written straight from the diff (<see cref="WrittenImage"/>)
/// without building a <see cref="JournalEntry"/> or running the Orleans serializer. The first byte tells the
/// formats apart: format 1 starts with <see cref="Marker"/>, whose top three bits (0b101) are a wire type the
/// Orleans serializer never writes, while the entries written before it (the serializer's <see cref="JournalEntry"/>)
/// start with the serializer's field tag; both are replayed (docs/operations.md, "Redis layout").
/// Layout: the marker; the sections present (<see cref="Sections"/>, two bytes little-endian); the version; the
/// regime; the frozen reason; the last state when present; then each section present, in the order of the bits.
/// Numbers are LEB128 varints (signed ones zigzag), strings a varint of their UTF-8 length + 1 (0: null) and the
/// bytes, decimals exact (sign, scale and the 96-bit integer, so 1.5 and 1.50 stay apart).
/// </summary>
internal static class EntryFormat
{
    /// <summary>The first byte of a format-1 entry.</summary>
    public const byte Marker = 0xA1;

    /// <summary>Which parts an entry carries (a bit each; the frozen flag is a bit too).</summary>
    [Flags]
    public enum Sections : ushort
    {
        None = 0,
        Balances = 1 << 0,
        Positions = 1 << 1,
        Orders = 1 << 2,
        Checks = 1 << 3,
        Trades = 1 << 4,
        Requests = 1 << 5,
        Funding = 1 << 6,
        Frozen = 1 << 7,
        LastState = 1 << 8,
    }

    /// <summary>True when <paramref name="entry"/> is in format 1 (else it is an entry of the Orleans serializer).</summary>
    public static bool IsFormat1(ReadOnlySpan<byte> entry) => entry.Length > 0 && entry[0] == Marker;
}

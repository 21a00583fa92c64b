using Grid.Risk.Accounts;

namespace Grid.Risk.Monitoring;

/// <summary>
/// A replica's resting orders, in chunks of <see cref="Size"/> orders (instrument indexes; signed quantity
/// and price per order). A replica is taken after every change, and an account may rest many orders: a new
/// order changes only the last chunk, a cancel (the book moves its last order into the hole) at most two,
/// so every other chunk is shared with the previous replica instead of the whole list being copied. Chunks
/// are never written once built (a remap replaces them), so sharing is safe for the monitor's readers.
/// </summary>
internal static class ReplicaOrderChunks
{
    /// <summary>Orders per chunk (every chunk but the last is full).</summary>
    public const int Size = 16;

    /// <summary>
    /// The chunks of <paramref name="book"/>'s orders, sharing each chunk of the previous replica whose
    /// content is unchanged, and the previous outer arrays when all of them are.
    /// </summary>
    public static void Build(AccountBook book, int[][]? previousInstruments, double[][]? previousValues, out int[][] instruments, out double[][] values)
    {
        var chunks = (book.OrderCount + Size - 1) / Size;
        var previous = previousInstruments is not null && previousValues is not null && previousValues.Length == previousInstruments.Length ? previousInstruments.Length : 0;
        var shared = 0;
        for (var c = 0; c < chunks && c < previous; c++)
        {
            shared += Same(book, c, previousInstruments![c], previousValues![c]) ? 1 : 0;
        }

        if (chunks == 0 || (chunks == previous && shared == chunks))
        {
            (instruments, values) = chunks == 0 ? ([], []) : (previousInstruments!, previousValues!);
            return;
        }

        instruments = new int[chunks][];
        values = new double[chunks][];
        for (var c = 0; c < chunks; c++)
        {
            if (shared > 0 && c < previous && Same(book, c, previousInstruments![c], previousValues![c]))
            {
                (instruments[c], values[c]) = (previousInstruments[c], previousValues[c]);
                continue;
            }

            var start = c * Size;
            var length = Math.Min(Size, book.OrderCount - start);
            var chunkInstruments = new int[length];
            var chunkValues = new double[2 * length];
            for (var i = 0; i < length; i++)
            {
                ref var o = ref book.Orders[start + i];
                chunkInstruments[i] = o.Instrument;
                chunkValues[2 * i] = Signed(o);
                chunkValues[2 * i + 1] = o.Price;
            }

            (instruments[c], values[c]) = (chunkInstruments, chunkValues);
        }
    }

    // Bit equality: a shared chunk must hold exactly what a fresh copy would (−0 and NaN included).
    private static bool Same(AccountBook book, int chunk, int[] instruments, double[] values)
    {
        var start = chunk * Size;
        var length = Math.Min(Size, book.OrderCount - start);
        if (instruments.Length != length || values.Length != 2 * length)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            ref var o = ref book.Orders[start + i];
            if (instruments[i] != o.Instrument
                || BitConverter.DoubleToInt64Bits(values[2 * i]) != BitConverter.DoubleToInt64Bits(Signed(o))
                || BitConverter.DoubleToInt64Bits(values[2 * i + 1]) != BitConverter.DoubleToInt64Bits(o.Price))
            {
                return false;
            }
        }

        return true;
    }

    private static double Signed(in OrderEntry o) => o.Side == Side.Buy ? o.Qty : -o.Qty;
}

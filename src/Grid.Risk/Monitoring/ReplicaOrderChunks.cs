using Grid.Risk.Accounts;
using Grid.Risk.Market;

namespace Grid.Risk.Monitoring;

/// <summary>
/// An account's resting orders as its replicas hold them, kept by the writer (the account grain, through
/// <see cref="MonitoredAccount.From"/>) from one replica to the next. Orders sit in chunks of <see cref="Size"/>
/// orders (instrument index, signed quantity, price: <see cref="Stride"/> doubles each) allocated at full size;
/// a replica holds the outer array and its order count and reads only its first count orders.
/// </summary>
/// <remarks>
/// A replica is taken after every change and read on other threads (the monitor's sweep, house runs, reports
/// that keep old replicas). So a slot is written in place only past every count a replica has been given over
/// its chunk (the chunk's high-water mark): no replica, old or current, can read it. A slot below the mark (a
/// cancel's hole, a partial fill, an append into a slot a cancel freed) gets its chunk copied, and the outer
/// array is copied when a slot of it below its own mark changes. An append past every mark copies nothing.
/// Not thread-safe: one writer, as the grain is the single writer of its account.
/// </remarks>
internal sealed class ReplicaOrderChunks
{
    /// <summary>Orders per chunk. Small, because the account's whole chunk is copied when one of its orders changes.</summary>
    public const int Size = 4;

    /// <summary>Doubles per order: instrument index, signed quantity, price.</summary>
    public const int Stride = 3;

    private double[][] _chunks = [];

    // Per chunk of _chunks: how many of its slots some replica handed out may read.
    private int[] _seen = [];

    // How many slots of _chunks (the outer array) some replica handed out may read.
    private int _chunksSeen;

    // Orders of the last view handed out: the slots below it hold the book as it was then.
    private int _count;

    private ReplicaOrderChunks(ModelLayout layout) => Layout = layout;

    /// <summary>The layout the instrument indexes refer to.</summary>
    public ModelLayout Layout { get; }

    /// <summary>The previous replica's chunks when they are indexed like <paramref name="layout"/>, else a fresh set.</summary>
    public static ReplicaOrderChunks For(ReplicaOrderChunks? previous, ModelLayout layout)
        => previous is not null && ReferenceEquals(previous.Layout, layout) ? previous : new ReplicaOrderChunks(layout);

    /// <summary>The number of chunks <paramref name="count"/> orders fill.</summary>
    public static int ChunksOf(int count) => (count + Size - 1) / Size;

    /// <summary>
    /// Brings the chunks to <paramref name="book"/>'s orders and hands out a view of them for a new replica:
    /// the outer array, of which the first <see cref="ChunksOf"/>(<paramref name="count"/>) chunks are read.
    /// </summary>
    public double[][] Publish(AccountBook book, out int count)
    {
        var n = book.OrderCount;
        var chunks = ChunksOf(n);
        if (chunks > _chunks.Length)
        {
            Grow(chunks);
        }

        var outerCopied = false;
        for (var c = 0; c < chunks; c++)
        {
            var start = c * Size;
            var length = Math.Min(Size, n - start);
            var chunk = _chunks[c];
            var first = chunk is null ? 0 : FirstDifference(book, chunk, start, length, Math.Clamp(_count - start, 0, Size));
            if (first == length)
            {
                continue;
            }

            if (chunk is not null && first >= _seen[c])
            {
                Write(book, chunk, start, first, length);
                continue;
            }

            // A slot some replica may read changes (or the chunk is new): a fresh chunk, which nothing reads yet.
            chunk = new double[Stride * Size];
            Write(book, chunk, start, 0, length);
            if (c < _chunksSeen && !outerCopied)
            {
                _chunks = (double[][])_chunks.Clone();
                _chunksSeen = 0;
                outerCopied = true;
            }

            _chunks[c] = chunk;
            _seen[c] = 0;
        }

        _count = n;
        _chunksSeen = Math.Max(_chunksSeen, chunks);
        for (var c = 0; c < chunks; c++)
        {
            _seen[c] = Math.Max(_seen[c], Math.Min(Size, n - c * Size));
        }

        count = n;
        return chunks == 0 ? [] : _chunks;
    }

    // A larger outer array (doubling, so appends reallocate it rarely): nothing reads it yet.
    private void Grow(int chunks)
    {
        var capacity = Math.Max(Math.Max(4, chunks), 2 * _chunks.Length);
        var grown = new double[capacity][];
        var seen = new int[capacity];
        Array.Copy(_chunks, grown, _chunks.Length);
        Array.Copy(_seen, seen, _seen.Length);
        (_chunks, _seen, _chunksSeen) = (grown, seen, 0);
    }

    // The first of the chunk's `length` orders that differs from the book, bit for bit (−0 and NaN included);
    // slots from `valid` on hold no order of the last view. `length` when none differs.
    private static int FirstDifference(AccountBook book, double[] chunk, int start, int length, int valid)
    {
        for (var i = 0; i < length; i++)
        {
            ref var o = ref book.Orders[start + i];
            var s = Stride * i;
            if (i >= valid
                || BitConverter.DoubleToInt64Bits(chunk[s]) != BitConverter.DoubleToInt64Bits(o.Instrument)
                || BitConverter.DoubleToInt64Bits(chunk[s + 1]) != BitConverter.DoubleToInt64Bits(Signed(o))
                || BitConverter.DoubleToInt64Bits(chunk[s + 2]) != BitConverter.DoubleToInt64Bits(o.Price))
            {
                return i;
            }
        }

        return length;
    }

    private static void Write(AccountBook book, double[] chunk, int start, int from, int length)
    {
        for (var i = from; i < length; i++)
        {
            ref var o = ref book.Orders[start + i];
            var s = Stride * i;
            chunk[s] = o.Instrument;
            chunk[s + 1] = Signed(o);
            chunk[s + 2] = o.Price;
        }
    }

    private static double Signed(in OrderEntry o) => o.Side == Side.Buy ? o.Qty : -o.Qty;
}

using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Monitoring;

/// <summary>
/// A compact read replica of one account for the silo's margin monitor: holdings as parallel
/// index/value arrays (a few hundred bytes), the state last seen and the figures behind it. The
/// account grain stays the single writer; it replaces its replica after every durable change.
/// </summary>
public sealed class MonitoredAccount
{
    private MonitoredAccount(string id, long version, MarginRegime regime, ModelLayout layout)
    {
        Id = id;
        Version = version;
        Regime = regime;
        Layout = layout;
    }

    /// <summary>Account id.</summary>
    public string Id { get; }

    /// <summary>Version of the account record the replica was taken from.</summary>
    public long Version { get; }

    /// <summary>PM or STD.</summary>
    public MarginRegime Regime { get; }

    /// <summary>The indexing the arrays refer to.</summary>
    public ModelLayout Layout { get; private set; }

    /// <summary>Bit g set when the account has exposure in group g (positions, orders or a group balance).</summary>
    public ulong GroupMask { get; private set; }

    /// <summary>State at the last evaluation (the previous state of the next one).</summary>
    public AccountState State { get; internal set; }

    /// <summary>Figures at the last evaluation.</summary>
    public MarginFigures Figures { get; internal set; }

    /// <summary>True when the account holds positions or borrows: worth monitoring while idle.</summary>
    public bool HasRisk => _instruments.Length > 0 || Array.Exists(_balances, b => b < 0);

    /// <summary>
    /// True when a price move can change the account's state: it holds positions, borrows or resting
    /// orders. Without them IM and MM are 0 and equity is never negative, so the state is OK whatever
    /// the market: the monitor keeps such a replica for house stress (Rulebook §5.3, every account of the
    /// venue) but never re-margins it.
    /// </summary>
    public bool Margined { get; private set; }

    /// <summary>True when the account holds nothing at all (no balance, position or order): it adds 0 to every house figure.</summary>
    public bool IsEmpty => _instruments.Length == 0 && _assets.Length == 0 && _orderCount == 0;

    private int[] _instruments = [];
    private double[] _positions = [];
    private int[] _assets = [];
    private double[] _balances = [];
    private double[][] _orders = [];
    private int _orderCount;

    // The writer's side of the order chunks, handed from replica to replica; only From touches it.
    private ReplicaOrderChunks? _orderWriter;

    /// <summary>
    /// Takes a replica of <paramref name="book"/> (its holdings, regime and current figures). Arrays whose
    /// content equals <paramref name="previous"/>'s are shared with it rather than copied, and the order chunks
    /// are carried on from it (<see cref="ReplicaOrderChunks"/>): one writer, so call it from the account's
    /// single writer, with that account's previous replica.
    /// </summary>
    public static MonitoredAccount From(string id, long version, AccountBook book, MonitoredAccount? previous = null)
    {
        var figures = book.Figures();
        var r = new MonitoredAccount(id, version, book.Regime, book.Model.Layout)
        {
            State = figures.State,
            Figures = figures,
        };

        // Read once: the monitor may remap the previous replica (replacing its arrays) while this runs. Whatever
        // layout it has moved to, an array is shared only when its content, indexes included, equals the book's
        // under the book's layout, which is the new replica's: so it holds what a copy would. Sound because a
        // replica's arrays are never written once built (Remap replaces them).
        int[]? instruments = previous?._instruments, assets = previous?._assets;
        double[]? positions = previous?._positions, balances = previous?._balances;
        if (instruments is not null && positions is not null && ReplicaHoldings.SamePositions(book, instruments, positions))
        {
            (r._instruments, r._positions) = (instruments, positions);
        }
        else
        {
            CopyPositions(book, r);
        }

        if (assets is not null && balances is not null && ReplicaHoldings.SameBalances(book, assets, balances))
        {
            (r._assets, r._balances) = (assets, balances);
        }
        else
        {
            CopyBalances(book, r);
        }

        // Orders change most often and can be many: shared chunk by chunk, appended in place (ReplicaOrderChunks).
        r._orderWriter = ReplicaOrderChunks.For(previous?._orderWriter, book.Model.Layout);
        r._orders = r._orderWriter.Publish(book, out r._orderCount);

        r.GroupMask = Mask(book.Model, r._instruments, r._assets, r._orders, r._orderCount);
        r.Margined = r.HasRisk || r.HasOrders;
        return r;
    }

    private static void CopyPositions(AccountBook book, MonitoredAccount r)
    {
        var held = 0;
        for (var k = 0; k < book.HoldingCount; k++)
        {
            held += book.Holdings[k].Qty != 0 || book.Holdings[k].Funding != 0 ? 1 : 0;
        }

        r._instruments = held == 0 ? [] : new int[held];
        r._positions = held == 0 ? [] : new double[3 * held];
        var n = 0;
        for (var k = 0; k < book.HoldingCount; k++)
        {
            ref var h = ref book.Holdings[k];
            if (h.Qty != 0 || h.Funding != 0)
            {
                r._instruments[n] = h.Instrument;
                r._positions[3 * n] = h.Qty;
                r._positions[3 * n + 1] = h.Entry;
                r._positions[3 * n + 2] = h.Funding;
                n++;
            }
        }
    }

    // Counted first, then filled: only the replica's own arrays are allocated (it is taken after every change).
    private static void CopyBalances(AccountBook book, MonitoredAccount r)
    {
        var assets = 0;
        for (var a = 0; a < book.Balances.Length; a++)
        {
            assets += book.Balances[a] != 0 ? 1 : 0;
        }

        r._assets = assets == 0 ? [] : new int[assets];
        r._balances = assets == 0 ? [] : new double[assets];
        var n = 0;
        for (var a = 0; a < book.Balances.Length; a++)
        {
            if (book.Balances[a] != 0)
            {
                r._assets[n] = a;
                r._balances[n++] = book.Balances[a];
            }
        }
    }

    /// <summary>The positions held (instrument id, contracts, entry, unsettled funding).</summary>
    public IReadOnlyList<(string Instrument, double Qty, double Entry, double Funding)> Holdings()
    {
        var list = new (string, double, double, double)[_instruments.Length];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = (Layout.Instruments[_instruments[i]], _positions[3 * i], _positions[3 * i + 1], _positions[3 * i + 2]);
        }

        return list;
    }

    /// <summary>True when orders rest on the account.</summary>
    public bool HasOrders => _orderCount > 0;

    // Read-only views of the holdings for the stress valuation (Stress/StressMarket), which values
    // replicas in place without loading a book.
    internal ReadOnlySpan<int> InstrumentIndexes => _instruments;

    internal ReadOnlySpan<double> PositionValues => _positions;

    internal ReadOnlySpan<int> AssetIndexes => _assets;

    internal ReadOnlySpan<double> BalanceValues => _balances;

    /// <summary>Resting orders held.</summary>
    internal int OrderCount => _orderCount;

    /// <summary>Order <paramref name="k"/> (below <see cref="OrderCount"/>): instrument index, signed quantity (buy &gt; 0), price.</summary>
    internal void Order(int k, out int instrument, out double quantity, out double price)
    {
        var chunk = _orders[k / ReplicaOrderChunks.Size];
        var s = ReplicaOrderChunks.Stride * (k % ReplicaOrderChunks.Size);
        (instrument, quantity, price) = ((int)chunk[s], chunk[s + 1], chunk[s + 2]);
    }

    // For the tests of chunk sharing: the chunk array itself.
    internal double[] OrderChunk(int chunk) => _orders[chunk];

    internal int OrderChunkCount => ReplicaOrderChunks.ChunksOf(_orderCount);

    /// <summary>Re-indexes the replica against <paramref name="model"/>'s layout if it differs (callers hold the monitor's partition lock).</summary>
    internal bool Align(RiskModel model) => ReferenceEquals(Layout, model.Layout) || Remap(model);

    /// <summary>Loads the replica into a reusable book and rebuilds it against <paramref name="model"/>.</summary>
    /// <returns>False when the replica refers to instruments the model no longer prices.</returns>
    public bool LoadInto(AccountBook book, RiskModel model)
    {
        if (!ReferenceEquals(Layout, model.Layout) && !Remap(model))
        {
            return false;
        }

        book.Reset(model, Regime, State);
        for (var i = 0; i < _assets.Length; i++)
        {
            book.LoadBalance(_assets[i], _balances[i]);
        }

        for (var i = 0; i < _instruments.Length; i++)
        {
            book.LoadPosition(_instruments[i], _positions[3 * i], _positions[3 * i + 1], _positions[3 * i + 2]);
        }

        for (var k = 0; k < _orderCount; k++)
        {
            Order(k, out var instrument, out var q, out var price);
            book.LoadOrder(instrument, q > 0 ? Side.Buy : Side.Sell, Math.Abs(q), price);
        }

        book.Rebuild(model);
        return true;
    }

    /// <summary>Approximate heap bytes of this replica (object, arrays; the id string is shared with the grain).</summary>
    public long Bytes => 64 + ArrayBytes(_instruments.Length, 4) + ArrayBytes(_positions.Length, 8) + ArrayBytes(_assets.Length, 4)
        + ArrayBytes(_balances.Length, 8) + OrderBytes();

    // The chunks this replica reads (shared ones included) and an outer array of as many slots.
    private long OrderBytes()
    {
        var chunks = ReplicaOrderChunks.ChunksOf(_orderCount);
        return ArrayBytes(chunks, 8) + chunks * ArrayBytes(ReplicaOrderChunks.Stride * ReplicaOrderChunks.Size, 8);
    }

    private static long ArrayBytes(int length, int size) => length == 0 ? 0 : 24 + ((length * size + 7) & ~7);

    private bool Remap(RiskModel model)
    {
        var instruments = new int[_instruments.Length];
        for (var i = 0; i < instruments.Length; i++)
        {
            if (!model.TryGetInstrument(Layout.Instruments[_instruments[i]], out instruments[i]))
            {
                return false;
            }
        }

        // New chunks: the old ones are shared with other replicas and the writer. Only this replica's slots are
        // read: the writer may be appending past them on the grain's thread.
        var orders = new double[ReplicaOrderChunks.ChunksOf(_orderCount)][];
        for (var c = 0; c < orders.Length; c++)
        {
            var length = Math.Min(ReplicaOrderChunks.Size, _orderCount - c * ReplicaOrderChunks.Size);
            orders[c] = new double[ReplicaOrderChunks.Stride * ReplicaOrderChunks.Size];
            Array.Copy(_orders[c], orders[c], ReplicaOrderChunks.Stride * length);
            for (var i = 0; i < length; i++)
            {
                var s = ReplicaOrderChunks.Stride * i;
                if (!model.TryGetInstrument(Layout.Instruments[(int)orders[c][s]], out var instrument))
                {
                    return false;
                }

                orders[c][s] = instrument;
            }
        }

        var assets = new int[_assets.Length];
        for (var i = 0; i < assets.Length; i++)
        {
            if (!model.TryGetAsset(Layout.Assets[_assets[i]], out assets[i]))
            {
                return false;
            }
        }

        (_instruments, _orders, _assets, Layout) = (instruments, orders, assets, model.Layout);
        GroupMask = Mask(model, _instruments, _assets, _orders, _orderCount);
        return true;
    }

    private static ulong Mask(RiskModel model, int[] instruments, int[] assets, double[][] orders, int count)
    {
        ulong mask = 0;
        foreach (var i in instruments)
        {
            mask |= Bit(model.Instruments[i].Group);
        }

        for (var k = 0; k < count; k++)
        {
            var instrument = (int)orders[k / ReplicaOrderChunks.Size][ReplicaOrderChunks.Stride * (k % ReplicaOrderChunks.Size)];
            mask |= Bit(model.Instruments[instrument].Group);
        }

        foreach (var a in assets)
        {
            mask |= Bit(model.Assets[a].Group);
        }

        return mask;
    }

    // Groups past 63 share the top bit: they are then re-margined on any move of such a group.
    private static ulong Bit(int group) => group < 0 ? 0 : 1UL << Math.Min(group, 63);
}

using Grid.Risk.Accounts;
using Grid.Risk.Monitoring;
using Grid.Risk.Tests.Stress;

namespace Grid.Risk.Tests.Monitoring;

/// <summary>
/// A replica taken after a change shares the previous replica's arrays (and order chunks) that did not
/// change, and holds exactly what a replica taken from scratch holds.
/// </summary>
public sealed class ReplicaSharingTests
{
    [Fact]
    public void AnAddedOrder_SharesPositionsAndBalances_AndCopiesTheOrders()
    {
        var model = StressHouse.Model();
        var (id, book) = StressHouse.Accounts(model, 1, 5)[0];
        var before = MonitoredAccount.From(id, 1, book);
        var spot = model.Instruments[0];
        book.AddOrder(new RestingOrder(spot.Spec.Id, Side.Buy, 1, spot.Mark * 0.99, "o-1"));

        var after = MonitoredAccount.From(id, 2, book, before);

        Assert.True(after.PositionValues == before.PositionValues && after.InstrumentIndexes == before.InstrumentIndexes);
        Assert.True(after.BalanceValues == before.BalanceValues && after.AssetIndexes == before.AssetIndexes);
        Assert.Equal(before.OrderCount + 1, after.OrderCount);
        AssertSameContent(MonitoredAccount.From(id, 2, book), after);
    }

    [Fact]
    public void ACancel_AmongManyOrders_CopiesOnlyTheChunksItChanged()
    {
        var model = StressHouse.Model();
        var (id, book) = StressHouse.Accounts(model, 1, 7)[0];
        var spot = model.Instruments[0];
        for (var k = 0; k < 40; k++)
        {
            book.AddOrder(new RestingOrder(spot.Spec.Id, k % 2 == 0 ? Side.Buy : Side.Sell, 1 + k, spot.Mark * (k % 2 == 0 ? 0.9 : 1.1), $"o-{k}"));
        }

        var before = MonitoredAccount.From(id, 1, book);
        book.ReduceOrder(3, double.MaxValue);

        var after = MonitoredAccount.From(id, 2, book, before);

        // The last order moved into the hole: the hole's chunk is copied; every other chunk is shared, the
        // last one too (the replica reads one order fewer of it).
        Assert.Equal(10, after.OrderChunkCount);
        Assert.NotSame(before.OrderChunk(0), after.OrderChunk(0));
        for (var c = 1; c < 10; c++)
        {
            Assert.Same(before.OrderChunk(c), after.OrderChunk(c));
        }

        Assert.True(after.PositionValues == before.PositionValues);
        AssertSameContent(MonitoredAccount.From(id, 2, book), after);
        Assert.Equal(MonitoredAccount.From(id, 2, book).Bytes, after.Bytes);
    }

    [Fact]
    public void AnAppendPastEveryReplicasCount_IsWrittenInPlace_AndAnAppendIntoAFreedSlot_CopiesTheChunk()
    {
        var model = StressHouse.Model();
        var (id, book) = StressHouse.Accounts(model, 1, 7)[0];
        var spot = model.Instruments[0];
        for (var k = 0; k < 41; k++)
        {
            book.AddOrder(new RestingOrder(spot.Spec.Id, Side.Buy, 1 + k, spot.Mark * 0.9, $"o-{k}"));
        }

        var r41 = MonitoredAccount.From(id, 1, book);
        book.AddOrder(new RestingOrder(spot.Spec.Id, Side.Buy, 100, spot.Mark * 0.9, "o-41"));
        var r42 = MonitoredAccount.From(id, 2, book, r41);

        // Slot 41 of chunk 10 was past every count handed out: written in place, nothing copied.
        Assert.Same(r41.OrderChunk(10), r42.OrderChunk(10));
        Assert.Equal(41, r41.OrderCount);
        AssertSameContent(MonitoredAccount.From(id, 2, book), r42);

        book.ReduceOrder(book.RestingOrderCount - 1, double.MaxValue);
        var r41Again = MonitoredAccount.From(id, 3, book, r42);
        Assert.Same(r42.OrderChunk(10), r41Again.OrderChunk(10));
        book.AddOrder(new RestingOrder(spot.Spec.Id, Side.Sell, 7, spot.Mark * 1.1, "o-42"));
        var r42Again = MonitoredAccount.From(id, 4, book, r41Again);

        // Slot 41 was handed out (r42 reads it): the new order gets a fresh chunk, r42 keeps its order.
        Assert.NotSame(r42.OrderChunk(10), r42Again.OrderChunk(10));
        r42.Order(41, out _, out var q, out _);
        Assert.Equal(100, q);
        r42Again.Order(41, out _, out q, out _);
        Assert.Equal(-7, q);
        AssertSameContent(MonitoredAccount.From(id, 4, book), r42Again);
    }

    [Fact]
    public void AnAppendPastEveryReplicasCount_AllocatesNoMoreThanAnUnchangedReplica()
    {
        var model = StressHouse.Model();
        var (id, book) = StressHouse.Accounts(model, 1, 7)[0];
        var spot = model.Instruments[0];
        for (var k = 0; k < 9; k++)
        {
            book.AddOrder(new RestingOrder(spot.Spec.Id, Side.Buy, 1 + k, spot.Mark * 0.9, $"o-{k}"));
        }

        var replica = MonitoredAccount.From(id, 1, book);
        replica = MonitoredAccount.From(id, 2, book, replica);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var unchanged = MonitoredAccount.From(id, 3, book, replica);
        var objectOnly = GC.GetAllocatedBytesForCurrentThread() - before;

        // Slot 9 (chunk 2's second) is past every count handed out: written in place, nothing but the replica allocated.
        book.AddOrder(new RestingOrder(spot.Spec.Id, Side.Sell, 3, spot.Mark * 1.1, "o-9"));
        before = GC.GetAllocatedBytesForCurrentThread();
        var appended = MonitoredAccount.From(id, 4, book, unchanged);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(objectOnly, allocated);
        Assert.Equal(10, appended.OrderCount);
        Assert.Equal(9, unchanged.OrderCount);
        AssertSameContent(MonitoredAccount.From(id, 4, book), appended);
    }

    [Fact]
    public void ChangedHoldings_AreCopied_NeverShared()
    {
        var model = StressHouse.Model();
        var accounts = StressHouse.Accounts(model, 2, 11);
        var first = MonitoredAccount.From("a", 1, accounts[0].Book);

        var other = MonitoredAccount.From("a", 2, accounts[1].Book, first);

        Assert.False(other.PositionValues == first.PositionValues);
        Assert.False(other.BalanceValues == first.BalanceValues);
        AssertSameContent(MonitoredAccount.From("a", 2, accounts[1].Book), other);
    }

    private static void AssertSameContent(MonitoredAccount expected, MonitoredAccount actual)
    {
        Assert.True(expected.InstrumentIndexes.SequenceEqual(actual.InstrumentIndexes));
        Assert.True(expected.PositionValues.SequenceEqual(actual.PositionValues));
        Assert.True(expected.AssetIndexes.SequenceEqual(actual.AssetIndexes));
        Assert.True(expected.BalanceValues.SequenceEqual(actual.BalanceValues));
        Assert.Equal(expected.OrderCount, actual.OrderCount);
        for (var k = 0; k < expected.OrderCount; k++)
        {
            expected.Order(k, out var instrument, out var q, out var price);
            actual.Order(k, out var actualInstrument, out var actualQ, out var actualPrice);
            Assert.Equal((instrument, q, price), (actualInstrument, actualQ, actualPrice));
        }

        Assert.Equal(expected.GroupMask, actual.GroupMask);
        Assert.Equal(expected.Margined, actual.Margined);
        Assert.Equal(expected.Figures, actual.Figures);
    }
}

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
        Assert.Equal(1, after.OrderChunkCount);
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

        // The last order moved into the hole: the first and the last chunk changed, the middle one is shared.
        Assert.Equal(3, after.OrderChunkCount);
        Assert.False(after.OrderValueChunk(0) == before.OrderValueChunk(0));
        Assert.True(after.OrderValueChunk(1) == before.OrderValueChunk(1) && after.OrderInstrumentChunk(1) == before.OrderInstrumentChunk(1));
        Assert.False(after.OrderValueChunk(2) == before.OrderValueChunk(2));
        Assert.True(after.PositionValues == before.PositionValues);
        AssertSameContent(MonitoredAccount.From(id, 2, book), after);
        Assert.Equal(MonitoredAccount.From(id, 2, book).Bytes, after.Bytes);
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
        Assert.Equal(expected.OrderChunkCount, actual.OrderChunkCount);
        for (var c = 0; c < expected.OrderChunkCount; c++)
        {
            Assert.True(expected.OrderInstrumentChunk(c).SequenceEqual(actual.OrderInstrumentChunk(c)));
            Assert.True(expected.OrderValueChunk(c).SequenceEqual(actual.OrderValueChunk(c)));
        }

        Assert.Equal(expected.GroupMask, actual.GroupMask);
        Assert.Equal(expected.Margined, actual.Margined);
        Assert.Equal(expected.Figures, actual.Figures);
    }
}

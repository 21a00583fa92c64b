using Grid.Risk.Accounts;
using Grid.Risk.Monitoring;
using Grid.Risk.Tests.Stress;

namespace Grid.Risk.Tests.Monitoring;

/// <summary>
/// A replica taken after a change shares the previous replica's arrays that did not change, and holds
/// exactly what a replica taken from scratch holds.
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
        Assert.Equal(1, after.OrderInstrumentIndexes.Length);
        AssertSameContent(MonitoredAccount.From(id, 2, book), after);
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
        Assert.True(expected.OrderInstrumentIndexes.SequenceEqual(actual.OrderInstrumentIndexes));
        Assert.True(expected.OrderValues.SequenceEqual(actual.OrderValues));
        Assert.Equal(expected.GroupMask, actual.GroupMask);
        Assert.Equal(expected.Margined, actual.Margined);
        Assert.Equal(expected.Figures, actual.Figures);
    }
}

using Grid.Grains.Accounts;
using Xunit;

namespace Grid.Grains.Tests;

/// <summary>The processor's index of resting orders answers exactly as a scan of the record would.</summary>
public sealed class RestingOrderIndexTests
{
    [Fact]
    public void Find_AfterAddsInsertsAndRemovals_MatchesTheScan()
    {
        var orders = new List<OrderRecord> { Order("a"), Order("b") };
        var index = new RestingOrderIndex(orders);
        var random = new Random(14);
        for (var step = 0; step < 2000; step++)
        {
            var id = $"o-{random.Next(40)}";
            var at = index.Find(id);
            Assert.Equal(Scan(orders, id), at);
            if (at >= 0)
            {
                index.RemoveAt(at);
            }
            else if (random.Next(2) == 0)
            {
                index.Add(Order(id));
            }
            else
            {
                index.Insert(random.Next(orders.Count + 1), Order(id));
            }
        }

        Assert.Equal(Scan(orders, "a"), index.Find("a"));
    }

    [Fact]
    public void Find_StoredRecordWithAnIdTwice_FindsTheFirstAsTheScanDid()
    {
        var orders = new List<OrderRecord> { Order("x"), Order("dup"), Order("dup") };
        var index = new RestingOrderIndex(orders);

        Assert.Equal(1, index.Find("dup"));
        index.RemoveAt(1);
        Assert.Equal(1, index.Find("dup"));
        index.RemoveAt(1);
        Assert.Equal(-1, index.Find("dup"));
        Assert.Equal(0, index.Find("x"));
    }

    [Fact]
    public void FewOrders_AreScanned_ManyAreMapped_AndFoundAlike()
    {
        var orders = new List<OrderRecord>();
        var index = new RestingOrderIndex(orders);
        for (var i = 0; i <= RestingOrderIndex.ScanLimit; i++)
        {
            Assert.False(index.Mapped);
            index.Add(Order($"o-{i}"));
        }

        Assert.True(index.Mapped);
        Assert.True(new RestingOrderIndex(orders).Mapped);
        for (var i = 0; i <= RestingOrderIndex.ScanLimit; i++)
        {
            Assert.Equal(i, index.Find($"o-{i}"));
        }

        Assert.Equal(-1, index.Find("o-99"));
    }

    private static OrderRecord Order(string id) => new() { ClientOrderId = id, InstrumentId = "BTC-PERP", Qty = 1, Price = 1 };

    private static int Scan(List<OrderRecord> orders, string id) => orders.FindIndex(o => o.ClientOrderId == id);
}

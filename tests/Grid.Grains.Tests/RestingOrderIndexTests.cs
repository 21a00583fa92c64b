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

    [Fact]
    public void AnOrderReplacedByACopyWithItsIdInAnotherString_IsStillFound_AndRemoved()
    {
        var orders = new List<OrderRecord>();
        var index = new RestingOrderIndex(orders);
        for (var i = 0; i < 12; i++)
        {
            index.Add(Order($"o-{i}"));
        }

        Assert.True(index.Mapped);
        index.Replace(4, orders[4].WithQty(0.5m));
        Assert.Equal(4, index.Find("o-4"));
        index.Replace(4, orders[4] with { ClientOrderId = string.Concat("o-", "4") });
        Assert.Equal(4, index.Find("o-4"));
        index.RemoveAt(4);
        Assert.Equal(-1, index.Find("o-4"));
        Assert.Equal(Scan(orders, "o-5"), index.Find("o-5"));
    }

    [Fact]
    public void RestingOrders_OnceWarm_ComeAndGoWithoutAnObjectPerOrder()
    {
        // Orders are values in the record's list (issue 14): an order adds nothing for the long-lived list to point
        // at but its id. As objects (96 B each) the 10,000 orders rested below would take at least 960,000 B.
        var ids = Enumerable.Range(0, 64).Select(i => $"o-{i}").ToArray();
        var orders = new List<OrderRecord>(64);
        var index = new RestingOrderIndex(orders);
        for (var i = 0; i < 32; i++)
        {
            index.Add(Order(ids[i]));
        }

        Churn(index, ids, 2_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Churn(index, ids, 20_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 10_000, $"{allocated} B allocated while 10,000 orders rested and left");
        Assert.Equal(Scan(orders, ids[3]), index.Find(ids[3]));
    }

    // Each step takes its id's order away when it rests, else rests it: half the steps rest an order.
    private static void Churn(RestingOrderIndex index, string[] ids, int steps)
    {
        for (var n = 0; n < steps; n++)
        {
            var id = ids[n % ids.Length];
            var at = index.Find(id);
            if (at >= 0)
            {
                index.RemoveAt(at);
            }
            else
            {
                index.Add(Order(id));
            }
        }
    }

    private static OrderRecord Order(string id) => new() { ClientOrderId = id, InstrumentId = "BTC-PERP", Qty = 1, Price = 1 };

    private static int Scan(List<OrderRecord> orders, string id) => orders.FindIndex(o => o.ClientOrderId == id);
}

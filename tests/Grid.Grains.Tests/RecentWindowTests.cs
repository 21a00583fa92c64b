using Grid.Grains.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Grains.Tests;

/// <summary>The idempotency window answers the same whether it scans (few items) or keeps an index (many), and trims alike.</summary>
public sealed class RecentWindowTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(128)]
    public void TryGet_AcrossTheScanLimit_AnswersAsAReferenceWindow(int capacity)
    {
        var items = new List<(ulong Key, int Value)>();
        var window = new RecentWindow<(ulong Key, int Value)>(items, i => i.Key, capacity);
        var random = new Random(16);
        for (var step = 0; step < 3_000; step++)
        {
            var key = (ulong)random.Next(60);
            if (random.Next(3) == 0)
            {
                window.Add((key, step));
            }

            var expected = items.FindLastIndex(i => i.Key == key);
            Assert.Equal(expected >= 0, window.TryGet(key, out var found));
            Assert.Equal(expected >= 0 ? items[expected] : default, found);
            Assert.True(items.Count <= capacity);
        }
    }

    [Fact]
    public void ShortWindow_KeepsNoIndex_UntilItPassesTheScanLimit()
    {
        var items = new List<ulong>();
        var window = new RecentWindow<ulong>(items, i => i, 128);
        for (var i = 0UL; i < RecentWindow<ulong>.ScanLimit; i++)
        {
            window.Add(i);
            Assert.True(window.TryGet(i, out _));
        }

        Assert.False(window.Indexed);
        window.Add(999);
        Assert.True(window.Indexed);
        Assert.True(window.TryGet(0, out _));
        Assert.True(window.TryGet(999, out _));
        Assert.False(window.TryGet(1_000, out _));
    }
    [Fact]
    public void CheckWindow_OnceWarm_RemembersEachCheckWithoutAnObject()
    {
        // The memo is a struct kept in the list's array (issue 14): a long-lived window holds no new object per
        // check for the next gen0 GC to copy. Warm first: the list and the index reach their size.
        var memos = new List<CheckMemo>();
        var window = new RecentWindow<CheckMemo>(memos, m => m.OrderIdHash, 128);
        for (var i = 0UL; i < 1_000; i++)
        {
            window.Add(new CheckMemo(i, Decision.Accept, RejectReason.None, 0m));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1_000UL; i < 11_000; i++)
        {
            window.Add(new CheckMemo(i * 7_919, i % 2 == 0 ? Decision.Accept : Decision.Reject, RejectReason.None, i));
        }

        // An object per check would be ≥ 480,000 B here; the bound leaves room for anything the runtime allocates once.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 10_000, $"10,000 checks allocated {allocated} B");
        Assert.True(window.TryGet(10_999UL * 7_919, out var last));
        Assert.Equal(new CheckMemo(10_999UL * 7_919, Decision.Reject, RejectReason.None, 10_999m), last);
        Assert.InRange(memos.Count, 96, 128);
    }

    [Fact]
    public void CheckMemo_EqualityIsExact_ScaleAndSignOfTheShortfallIncluded()
    {
        var memo = new CheckMemo(5, Decision.Reject, RejectReason.InsufficientMargin, 1.5m);
        Assert.Equal(memo, new CheckMemo(5, Decision.Reject, RejectReason.InsufficientMargin, 1.5m));
        Assert.NotEqual(memo, new CheckMemo(5, Decision.Reject, RejectReason.InsufficientMargin, 1.50m));
        Assert.NotEqual(new CheckMemo(5, Decision.Accept, RejectReason.None, 0m), new CheckMemo(5, Decision.Accept, RejectReason.None, new decimal(0, 0, 0, true, 0)));
        Assert.NotEqual(memo, memo with { OrderIdHash = 6 });
        Assert.NotEqual(memo, memo with { Decision = Decision.Accept });
        Assert.NotEqual(memo, memo with { Reason = RejectReason.NoPrice });
    }
}

using Grid.Grains.Accounts;

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
}

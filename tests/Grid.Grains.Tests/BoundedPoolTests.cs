using Grid.Abstractions;

namespace Grid.Grains.Tests;

/// <summary>
/// The pool behind the account path's pooled continuations (<see cref="BoundedPool{T}"/>, in Grid.Abstractions,
/// which has no test project of its own): what is returned comes back, nothing past the capacity is kept, and
/// threads renting and returning at once never get the same object twice.
/// </summary>
public sealed class BoundedPoolTests
{
    private sealed class Item;

    [Fact]
    public void Empty_RentsNothing_AndAReturnedItemComesBack()
    {
        var pool = new BoundedPool<Item>(4);
        Assert.Null(pool.TryRent());

        var item = new Item();
        pool.Return(item);

        Assert.Same(item, pool.TryRent());
        Assert.Null(pool.TryRent());
    }

    [Fact]
    public void PastTheCapacity_ReturnsAreLeftToTheCollector()
    {
        var pool = new BoundedPool<Item>(3);
        var items = new[] { new Item(), new Item(), new Item(), new Item(), new Item() };
        foreach (var item in items)
        {
            pool.Return(item);
        }

        Assert.Equal(3, pool.Count);
        var rented = new HashSet<Item>(ReferenceEqualityComparer.Instance);
        while (pool.TryRent() is { } item)
        {
            rented.Add(item);
        }

        Assert.Equal([items[0], items[1], items[2]], rented.OrderBy(i => Array.IndexOf(items, i)));
    }

    [Fact]
    public async Task ConcurrentRentsAndReturns_NeverHandOneItemToTwoHolders()
    {
        var pool = new BoundedPool<Item>(8);
        var holders = new System.Collections.Concurrent.ConcurrentDictionary<Item, int>(ReferenceEqualityComparer.Instance);
        var doubled = 0;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var item = pool.TryRent() ?? new Item();
                if (!holders.TryAdd(item, 0))
                {
                    Interlocked.Increment(ref doubled);
                }

                holders.TryRemove(item, out _);
                pool.Return(item);
            }
        })).ToArray();

        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, doubled);
        Assert.InRange(pool.Count, 1, 8);
    }
}

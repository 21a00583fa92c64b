using Grid.Grains.Journal;
using StackExchange.Redis;

namespace Grid.Grains.Tests.Journal;

/// <summary>
/// The silo writer's kept KEYS/ARGV arrays (<see cref="JournalCallArrays"/>): exactly two of each a write, the same
/// pair again for the same batch size once answered and emptied, and never again after a failed call.
/// </summary>
public sealed class JournalCallArraysTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16)]
    public void ABatchSize_GetsItsOwnPair_EmptiedWhenAnswered_AndKeptForTheNextCall(int writes)
    {
        var arrays = new JournalCallArrays(16);
        var (keys, args) = arrays.For(writes);
        Assert.Equal(2 * writes, keys.Length);
        Assert.Equal(2 * writes, args.Length);
        keys[0] = "head";
        args[^1] = new byte[] { 1, 2, 3 };

        JournalCallArrays.Answered(keys, args);
        Assert.All(keys, k => Assert.Equal(default(RedisKey), k));
        Assert.All(args, a => Assert.True(a.IsNull));

        var again = arrays.For(writes);
        Assert.Same(keys, again.Keys);
        Assert.Same(args, again.Args);
        Assert.NotSame(keys, arrays.For(writes + 1).Keys);
    }

    [Fact]
    public void AfterAFailedCall_NoKeptPairIsUsedAgain()
    {
        var arrays = new JournalCallArrays(16);
        var small = arrays.For(3);
        var large = arrays.For(16);

        arrays.Abandon();

        Assert.NotSame(small.Keys, arrays.For(3).Keys);
        Assert.NotSame(small.Args, arrays.For(3).Args);
        Assert.NotSame(large.Keys, arrays.For(16).Keys);
    }

    [Fact]
    public void ABatchLargerThanKept_GetsNewArraysEachCall()
    {
        var arrays = new JournalCallArrays(16);
        var first = arrays.For(17);
        Assert.Equal(34, first.Keys.Length);
        Assert.Equal(34, first.Args.Length);
        Assert.NotSame(first.Keys, arrays.For(17).Keys);
    }
}

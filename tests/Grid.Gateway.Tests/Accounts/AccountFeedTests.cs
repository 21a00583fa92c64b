using Grid.Abstractions.Accounts;
using Grid.Gateway.Accounts;
using Xunit;

namespace Grid.Gateway.Tests.Accounts;

public sealed class AccountFeedTests
{
    [Fact]
    public async Task Updated_Burst_KeepsOnlyTheLatestSnapshot()
    {
        var feed = new AccountFeed();

        await feed.Updated(new BuyingPower { Version = 1 });
        await feed.Updated(new BuyingPower { Version = 2 });
        await feed.Updated(new BuyingPower { Version = 3 });

        Assert.True(feed.Updates.TryRead(out var latest));
        Assert.Equal(3, latest.Version);
        Assert.False(feed.Updates.TryRead(out _));
    }
}

using Grid.Abstractions.Accounts;

namespace Grid.Grains.Tests;

/// <summary>Following an account from outside its grain: updates arrive, only the newest is kept, older ones are refused.</summary>
[Collection(GridCluster.Name)]
public sealed class AccountSubscriptionTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task Subscription_HearsEveryChange_KeepsTheNewest_AndEndsCleanly()
    {
        var account = await fixture.Client.Funded("sub-1", 10_000);
        var failures = new List<Exception>();
        var subscription = await AccountSubscription.StartAsync(fixture.Client, "sub-1", TimeProvider.System, failures.Add);
        try
        {
            var first = await subscription.Account.GetBuyingPower();
            Assert.True(subscription.Newer(first));
            Assert.False(subscription.Newer(first));

            await account.Deposit("sub-d1", "USD", 1_000);
            await account.Deposit("sub-d2", "USD", 1_000);
            BuyingPower? latest = null;
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (latest?.Equity != 12_000)
            {
                latest = await subscription.Updates.ReadAsync(wait.Token);
            }

            Assert.True(subscription.Newer(latest));
            Assert.False(subscription.Newer(first));
        }
        finally
        {
            await subscription.DisposeAsync();
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Updates_Burst_KeepsOnlyTheLatestSnapshot()
    {
        var subscription = await AccountSubscription.StartAsync(fixture.Client, "sub-2", TimeProvider.System, _ => { });
        await using (subscription)
        {
            await subscription.Updated(new BuyingPower { Version = 101 });
            await subscription.Updated(new BuyingPower { Version = 102 });
            await subscription.Updated(new BuyingPower { Version = 103 });

            Assert.True(subscription.Updates.TryRead(out var newest));
            Assert.Equal(103, newest.Version);
            Assert.False(subscription.Updates.TryRead(out _));
        }
    }
}

using Grid.Grains.Accounts;

namespace Grid.Grains.Tests;

/// <summary>The account's side of the venue index: which venues to join before the next write is acknowledged.</summary>
public sealed class AccountVenuesTests
{
    [Fact]
    public void ANewVenue_IsToJoin_OnceJoinedItsOrdersCostNoCall()
    {
        var venues = new AccountVenues([]);

        venues.Resting("venue-a");
        venues.Resting("venue-a");
        venues.Resting("");

        Assert.True(venues.Pending);
        Assert.Equal(["venue-a"], venues.ToJoin());
        venues.Joined(["venue-a"]);
        venues.Resting("venue-a");
        Assert.False(venues.Pending);
        Assert.True(venues.Holds("venue-a"));
    }

    [Fact]
    public void StoredOrders_AreJoinedAgain_AndAVenueLeftIsJoinedAgainByItsNextOrder()
    {
        var venues = new AccountVenues([new OrderRecord { ClientOrderId = "o1", Venue = "venue-a" }, new OrderRecord { ClientOrderId = "o2", Venue = "venue-a" }, new OrderRecord { ClientOrderId = "o3" }]);

        Assert.Equal(["venue-a"], venues.ToJoin());
        venues.Joined(venues.ToJoin());
        venues.Left("venue-a");
        Assert.False(venues.Holds("venue-a"));
        venues.Resting("venue-a");
        Assert.Equal(["venue-a"], venues.ToJoin());
    }
}

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
    public void StoredOrders_AreJoinedAgainAfterActivation_WithoutHoldingAWrite_AndANewVenueStillHoldsOne()
    {
        var venues = new AccountVenues([new OrderRecord { ClientOrderId = "o1", Venue = "venue-a" }, new OrderRecord { ClientOrderId = "o2", Venue = "venue-a" }, new OrderRecord { ClientOrderId = "o3" }]);

        Assert.False(venues.Pending);
        Assert.True(venues.RejoinPending);
        Assert.Equal(["venue-a"], venues.ToRejoin());
        venues.Resting("venue-a");
        Assert.False(venues.Pending);
        venues.Resting("venue-b");
        Assert.Equal(["venue-b"], venues.ToJoin());

        venues.Rejoined(["venue-a"]);
        Assert.False(venues.RejoinPending);
        Assert.True(venues.Holds("venue-a"));
        Assert.Equal(["venue-b"], venues.ToJoin());
    }

    [Fact]
    public void AVenueLeftWhileItsRejoinRuns_StaysUnlisted_AndItsNextOrderJoinsItBeforeTheWrite()
    {
        var venues = new AccountVenues([new OrderRecord { ClientOrderId = "o1", Venue = "venue-a" }]);
        var rejoining = venues.ToRejoin();

        venues.Left("venue-a");
        venues.Rejoined(rejoining);

        Assert.False(venues.Holds("venue-a"));
        Assert.False(venues.RejoinPending);
        venues.Resting("venue-a");
        Assert.True(venues.Pending);
        Assert.Equal(["venue-a"], venues.ToJoin());
    }

    [Fact]
    public void AVenueLeft_IsJoinedAgainByItsNextOrder()
    {
        var venues = new AccountVenues([]);
        venues.Resting("venue-a");
        venues.Joined(venues.ToJoin());

        venues.Left("venue-a");

        Assert.False(venues.Holds("venue-a"));
        venues.Resting("venue-a");
        Assert.Equal(["venue-a"], venues.ToJoin());
    }
}

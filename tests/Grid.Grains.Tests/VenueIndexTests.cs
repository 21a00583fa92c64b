using Grid.Abstractions.Engine;
using Grid.Abstractions.Venues;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Grains.Tests;

/// <summary>
/// The index of accounts by venue: an account is listed once its first order of the venue is acknowledged,
/// an amendment from another venue keeps the order's venue, and the account leaves only when it holds no
/// order of the venue.
/// </summary>
[Collection(GridCluster.Name)]
public sealed class VenueIndexTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task AnAccount_IsListedBeforeItsFirstOrderOfAVenueIsAcknowledged_AndLeavesOnlyWithoutOne()
    {
        var account = await fixture.Client.Funded("venue-idx-1", 1_000_000);
        var venueA = fixture.Client.GetGrain<IVenueAccountsGrain>("idx-venue-a");
        var venueB = fixture.Client.GetGrain<IVenueAccountsGrain>("idx-venue-b");

        Assert.Equal(Decision.Accept, (await account.One(Check("a-1", "idx-venue-a"))).Decision);
        Assert.Equal(["venue-idx-1"], await venueA.Page("", 10));
        Assert.Empty(await venueB.Page("", 10));

        // Venue B amends venue A's order: the order stays venue A's, and B's index does not gain the account.
        var amended = await account.One(Commands.Amend("a-1", 0.2m, 59_000) with { Venue = "idx-venue-b" });
        Assert.Equal(Decision.Accept, amended.Decision);
        Assert.Equal("idx-venue-a", Assert.Single((await account.GetPortfolio()).Orders).Venue);
        Assert.Empty(await venueB.Page("", 10));

        // Asked to leave while it holds an order of the venue: it stays.
        await account.LeaveVenue("idx-venue-a");
        await account.GetSummary();
        Assert.Equal(["venue-idx-1"], await venueA.Page("", 10));

        await account.One(Commands.Cancel("a-1"));
        Assert.Equal(["venue-idx-1"], await venueA.Page("", 10));
        await account.LeaveVenue("idx-venue-a");
        await Listings.Eventually(() => venueA.Page("", 10).Result.Length == 0);

        // The next order of the venue lists it again before it is acknowledged.
        Assert.Equal(Decision.Accept, (await account.One(Check("a-2", "idx-venue-a"))).Decision);
        Assert.Equal(["venue-idx-1"], await venueA.Page("", 10));
    }

    [Fact]
    public async Task Pages_AreInAccountIdOrder_AfterTheGivenId()
    {
        var venue = fixture.Client.GetGrain<IVenueAccountsGrain>("idx-venue-pages");
        foreach (var id in new[] { "p-3", "p-1", "p-2", "p-4" })
        {
            await venue.Join(id);
        }

        await venue.Join("p-2");

        Assert.Equal(["p-1", "p-2"], await venue.Page("", 2));
        Assert.Equal(["p-3", "p-4"], await venue.Page("p-2", 5));
        Assert.Equal(["p-2", "p-3"], await venue.Page("p-11", 2));
        Assert.Empty(await venue.Page("p-4", 5));
    }

    private static EngineCommand Check(string id, string venue) => Commands.Check(id, "BTC-PERP", Side.Buy, 0.1m, 59_000) with { Venue = venue };
}

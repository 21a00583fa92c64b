using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Abstractions.Venues;
using Grid.Grains.Accounts;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Grains.Tests;

/// <summary>
/// What a reactivated account still owes after its first reply (AccountGrain.Reinstatement): it stays findable by the
/// venues of its stored orders, an index that lost it lists it again, a new venue is still joined before its first
/// order is acknowledged, and the registry learns the account's new silo, so a survivor knows to wake it.
/// </summary>
[Collection(GridCluster.Name)]
public sealed class ReinstatementTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task AReactivatedAccount_IsListedByItsVenue_WhenItsFirstCheckIsAnswered_AndByANewVenueBeforeItsAck()
    {
        var account = await fixture.Client.Funded("reinstate-venue-1", 1_000_000);
        var kept = fixture.Client.GetGrain<IVenueAccountsGrain>("reinstate-kept");
        var fresh = fixture.Client.GetGrain<IVenueAccountsGrain>("reinstate-fresh");
        Assert.Equal(Decision.Accept, (await account.One(Check("k-1", "reinstate-kept"))).Decision);
        await fixture.Cluster.DeactivateAsync(account);

        // The first reply of the new activation: a listing of the venue (what an engine reconciles from after a
        // disconnect) finds the account at once, and a venue it never used lists it before that order's ack.
        Assert.Equal(Decision.Accept, (await account.One(Check("k-2", "reinstate-kept"))).Decision);
        Assert.Equal(["reinstate-venue-1"], await kept.Page("", 10));
        Assert.Equal(Decision.Accept, (await account.One(Check("f-1", "reinstate-fresh"))).Decision);
        Assert.Equal(["reinstate-venue-1"], await fresh.Page("", 10));
    }

    [Fact]
    public async Task AnIndexThatLostTheAccount_ListsItAgain_AfterTheFirstReplyOfItsNextActivation()
    {
        var account = await fixture.Client.Funded("reinstate-venue-2", 1_000_000);
        var venue = fixture.Client.GetGrain<IVenueAccountsGrain>("reinstate-lost");
        Assert.Equal(Decision.Accept, (await account.One(Check("l-1", "reinstate-lost"))).Decision);
        await venue.Leave("reinstate-venue-2");
        await fixture.Cluster.DeactivateAsync(account);

        Assert.Equal(Decision.Accept, (await account.One(Check("l-2", "reinstate-lost"))).Decision);

        await Listings.Eventually(() => venue.Page("", 10).Result.Contains("reinstate-venue-2"));
    }

    [Fact]
    public async Task AVenueLeftRightAfterActivation_StaysUnlisted()
    {
        var account = await fixture.Client.Funded("reinstate-venue-3", 1_000_000);
        var venue = fixture.Client.GetGrain<IVenueAccountsGrain>("reinstate-left");
        Assert.Equal(Decision.Accept, (await account.One(Check("x-1", "reinstate-left"))).Decision);
        await fixture.Cluster.DeactivateAsync(account);

        // The new activation rejoins the venue of its stored order while its first command cancels that order and a
        // listing asks it to leave: whichever comes first, the index must end without the account. (Which one comes
        // first is the scheduler's choice: this does not force the rejoin to be under way when the leave is sent.)
        var cancelled = account.One(Commands.Cancel("x-1"));
        await account.LeaveVenue("reinstate-left");
        await cancelled;
        await account.GetSummary();

        await Listings.Eventually(() => venue.Page("", 10).Result.Length == 0);
        await Task.Delay(300);
        Assert.Empty(await venue.Page("", 10));
    }

    [Fact]
    public async Task TheRegistry_LearnsTheSiloOfAReactivatedAtRiskAccount_ThatOnlyAnsweredAQuery()
    {
        const string id = "reinstate-claim-1";
        const string deadSilo = "127.0.0.1:2@2";
        var account = await fixture.Client.Funded(id, 1_000_000);
        Assert.Equal(Decision.Accept, (await account.One(Check("c-1", "reinstate-claims"))).Decision);
        var bucket = RegistryBuckets.Grain(fixture.Client, id, new AccountRegistryOptions().Buckets);

        // The registry names a silo that died after the account's last claim, as it does when a failover woke the account.
        await bucket.Claim(new AccountSummary { AccountId = id, Silo = deadSilo, AtRisk = true, Equity = 1_000_000, State = AccountState.Ok, At = DateTimeOffset.UtcNow });
        await fixture.Cluster.DeactivateAsync(account);

        // Its first reply changes nothing (a query), so no report on the reply path claims for it either.
        Assert.Equal(AccountState.Ok, (await account.GetBuyingPower()).State);

        var live = fixture.Cluster.Silos.Select(s => s.SiloAddress.ToParsableString()).ToHashSet();
        await Listings.Eventually(() => bucket.Find([id]).Result is [{ AtRisk: true } s] && live.Contains(s.Silo));
        Assert.Equal(0, await bucket.Revive(deadSilo, atRisk: true));
    }

    private static EngineCommand Check(string id, string venue) => Commands.Check(id, "BTC-PERP", Side.Buy, 0.1m, 59_000) with { Venue = venue };
}

using Grid.Abstractions.Accounts;
using Grid.Grains.Accounts;

namespace Grid.Grains.Tests.House;

/// <summary>A dead silo's accounts are woken on a survivor: at-risk ones first, then those holding collateral only (house stress counts them); empty ones not.</summary>
[Collection(GridCluster.Name)]
public sealed class CollateralReviveTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task Revive_WakesAtRiskAndCollateralOnlyAccounts_NotEmptyOnes()
    {
        var registry = fixture.Client.GetGrain<IAccountRegistryGrain>(AccountRegistryGrain.Key);
        var buckets = new AccountRegistryOptions().Buckets;
        const string dead = "127.0.0.1:1@1";
        var at = DateTimeOffset.UtcNow.AddYears(1);
        await RegistryBuckets.Grain(fixture.Client, "revive-risk", buckets).Claim(new AccountSummary { AccountId = "revive-risk", Silo = dead, AtRisk = true, Equity = 10, State = Grid.Risk.Accounts.AccountState.Ok, At = at });
        await RegistryBuckets.Grain(fixture.Client, "revive-coins", buckets).Claim(new AccountSummary { AccountId = "revive-coins", Silo = dead, AtRisk = false, Equity = 5_000, State = Grid.Risk.Accounts.AccountState.Ok, At = at });
        await RegistryBuckets.Grain(fixture.Client, "revive-empty", buckets).Claim(new AccountSummary { AccountId = "revive-empty", Silo = dead, AtRisk = false, Equity = 0, State = Grid.Risk.Accounts.AccountState.Ok, At = at });

        Assert.Equal(2, await registry.Revive(dead));
    }
}

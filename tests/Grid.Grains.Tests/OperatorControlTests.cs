using Grid.Risk.Accounts;
using Grid.Risk.Rulebooks;

namespace Grid.Grains.Tests;

/// <summary>Operator controls act on accounts that exist, and a regime switch into margin call needs force.</summary>
[Collection(GridCluster.Name)]
public sealed class OperatorControlTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task ControlsOfAnAccountThatDoesNotExist_AreNotFound_AndCreateNothing()
    {
        var account = fixture.Client.GetGrain<Abstractions.Accounts.IAccountGrain>("ctl-nobody");
        Assert.StartsWith("account_id:", (await Assert.ThrowsAsync<KeyNotFoundException>(() => account.SetFrozen(true, "drill", cancelResting: false).AsTask())).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => account.SetFrozen(false, "drill", cancelResting: false).AsTask());
        await Assert.ThrowsAsync<KeyNotFoundException>(() => account.SetRegime(MarginRegime.Std, force: true).AsTask());
        await Assert.ThrowsAsync<KeyNotFoundException>(() => account.GetPortfolio().AsTask());
    }

    [Fact]
    public async Task ASwitchIntoMarginCall_IsRefusedWithoutForce_AndNothingChanges()
    {
        // 10 BTC-PERP at 60,000 on 50k: STD asks 5% × 600k = 30k (OK); PM asks 16% × 600k = 96k.
        var account = await fixture.Client.Funded("ctl-regime", 50_000);
        await account.SetRegime(MarginRegime.Std, force: false);
        await account.One(Commands.Fill("f", "t1", 10, 60_000, "BTC-PERP", Side.Buy));
        var std = await account.GetBuyingPower();
        Assert.Equal((MarginRegime.Std, AccountState.Ok), (std.Regime, std.State));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => account.SetRegime(MarginRegime.Pm, force: false).AsTask());
        Assert.StartsWith("regime: under Pm the account would be", e.Message, StringComparison.Ordinal);
        var unchanged = await account.GetBuyingPower();
        Assert.Equal((MarginRegime.Std, std.Version), (unchanged.Regime, unchanged.Version));

        // Already there: a no-op, nothing stored.
        await account.SetRegime(MarginRegime.Std, force: false);
        Assert.Equal(std.Version, (await account.GetBuyingPower()).Version);

        var forced = await account.SetRegime(MarginRegime.Pm, force: true);
        Assert.Equal(MarginRegime.Pm, forced.Regime);
        Assert.NotEqual(AccountState.Ok, forced.State);
    }
}

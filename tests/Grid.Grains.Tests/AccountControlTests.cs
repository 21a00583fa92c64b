using Grid.Abstractions.Accounts;
using Grid.Abstractions.Market;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Grains.Tests;

/// <summary>Kill switch, withdrawals, margin call, price moves, deactivation.</summary>
[Collection(GridCluster.Name)]
public sealed class AccountControlTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task FrozenAccount_RejectsNewOrders_UntilUnfrozen()
    {
        var account = await fixture.Client.Funded("ctl-freeze", 100_000);
        await account.SetFrozen(true, "ops test", cancelResting: false);
        var r = await account.One(Commands.Check("o1", "BTC-PERP", Side.Buy, 0.1m, 60_000));
        Assert.Equal(RejectReason.AccountFrozen, r.Reason);
        await account.SetFrozen(false, "", cancelResting: false);
        Assert.Equal(Decision.Accept, (await account.One(Commands.Check("o2", "BTC-PERP", Side.Buy, 0.1m, 60_000))).Decision);
    }

    [Fact]
    public async Task Withdrawal_BreachingIm_IsRefused()
    {
        var account = await fixture.Client.Funded("ctl-withdraw", 150_000);
        await account.One(Commands.Fill("f", "t1", 10, 60_000, "BTC-PERP", Side.Buy));
        var refused = await account.Withdraw("w1", "USD", 60_000);
        Assert.False(refused.Accepted);
        Assert.Equal(RejectReason.WithdrawalExceedsAvailable, refused.Reason);
        Assert.True(refused.Shortfall > 0);
        var ok = await account.Withdraw("w2", "USD", 10_000);
        Assert.True(ok.Accepted);
        var retried = await account.Withdraw("w2", "USD", 10_000);
        Assert.True(retried.Accepted);
        Assert.Equal(140_000m, (await account.GetPortfolio()).Balances.Single(b => b.Asset == "USD").Balance);
    }

    [Fact]
    public async Task MarginCall_RiskReducingOrderPasses_IncreasingOneDoesNot()
    {
        var account = fixture.Client.GetGrain<IAccountGrain>("demo-margin-call");
        var bp = await account.GetBuyingPower();
        Assert.Equal(AccountState.ReduceOnly, bp.State);
        var reduce = await account.One(Commands.Check("mc-sell", "BTC-PERP", Side.Sell, 4, 59_990));
        Assert.Equal(Decision.AcceptRiskReducing, reduce.Decision);
        var increase = await account.One(Commands.Check("mc-buy", "BTC-PERP", Side.Buy, 1, 60_010));
        Assert.Equal(RejectReason.ReduceOnly, increase.Reason);
        await account.One(Commands.Cancel("mc-sell"));
    }

    [Fact]
    public async Task PriceMove_ChangesBuyingPower_OnEverySilo()
    {
        var account = await fixture.Client.Funded("ctl-price", 100_000);
        await account.One(Commands.Fill("f", "t1", 1, 3_000, "ETH-PERP", Side.Buy));
        var before = await account.GetBuyingPower();
        await fixture.Client.GetGrain<IInstrumentGrain>("ETH-PERP").PublishPrices(new InstrumentPrices { Mark = 2_700, At = DateTimeOffset.UtcNow });
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            BuyingPower after;
            do
            {
                after = await account.GetBuyingPower();
            }
            while ((after.Equity == before.Equity || fixture.Views().Any(v => v.Frame.Model.Instrument("ETH-PERP").Mark != 2_700))
                && DateTime.UtcNow < deadline && await Task.Delay(20).ContinueWith(_ => true));

            Assert.Equal(before.Equity - 300, after.Equity);
            // Every silo's snapshot follows (the other silo's may trail the account's by a few milliseconds).
            Assert.All(fixture.Views(), v => Assert.Equal(2_700, v.Frame.Model.Instrument("ETH-PERP").Mark));
        }
        finally
        {
            await fixture.Client.GetGrain<IInstrumentGrain>("ETH-PERP").PublishPrices(new InstrumentPrices { Mark = 3_000, At = DateTimeOffset.UtcNow });
        }
    }

    [Fact]
    public async Task Deactivation_ReloadsTheSameAccount()
    {
        var account = await fixture.Client.Funded("ctl-reload", 300_000);
        await account.One(Commands.Check("o1", "BTC-PERP", Side.Buy, 2, 60_000));
        await account.One(Commands.Fill("o1", "t1", 1, 60_000));
        var before = await account.GetPortfolio();
        var bpBefore = await account.GetBuyingPower();
        await fixture.Cluster.DeactivateAsync(account);
        var after = await account.GetPortfolio();
        Assert.Equal(before.StateHash, after.StateHash);
        Assert.Equal(bpBefore.InitialMargin, (await account.GetBuyingPower()).InitialMargin);
    }

    [Fact]
    public async Task Rulebook_BadFieldIsNamed_AndDryRunChangesNothing()
    {
        var rulebook = fixture.Client.GetGrain<IRulebookGrain>("current");
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "default-rulebook.json"));
        var e = await Assert.ThrowsAsync<ArgumentException>(() => rulebook.Load(json.Replace("\"range\": 0.16", "\"range\": 7"), dryRun: false));
        Assert.Contains("groups.BTC.range", e.Message);
        var dry = await rulebook.Load(json, dryRun: true);
        Assert.Equal("2026-11-25.1", dry.Version);
    }
}

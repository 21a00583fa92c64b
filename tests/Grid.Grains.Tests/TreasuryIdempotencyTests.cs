using Grid.Risk.Decisions;

namespace Grid.Grains.Tests;

/// <summary>Deposits and withdrawals keyed by request id: the same terms replay, other terms conflict and change nothing.</summary>
[Collection(GridCluster.Name)]
public sealed class TreasuryIdempotencyTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task Deposit_SameIdSameTerms_Replays_OtherTerms_Conflicts()
    {
        var account = fixture.Client.GetGrain<Abstractions.Accounts.IAccountGrain>("treasury-deposit");
        var first = await account.Deposit("d1", "USD", 1_000);
        var again = await account.Deposit("d1", "USD", 1_000.00m);
        var other = await account.Deposit("d1", "USD", 2_000);
        var otherAsset = await account.Deposit("d1", "USDT", 1_000);

        Assert.True(first.Accepted && !first.Replayed && !first.Conflict);
        Assert.True(again.Accepted && again.Replayed && !again.Conflict);
        Assert.True(other.Conflict && !other.Replayed);
        Assert.True(otherAsset.Conflict);
        Assert.Equal(1_000m, Assert.Single((await account.GetPortfolio()).Balances).Balance);
    }

    [Fact]
    public async Task Withdraw_Replays_AndAWithdrawalCannotReuseADepositsId()
    {
        var account = await fixture.Client.Funded("treasury-withdraw", 10_000);
        var first = await account.Withdraw("w1", "USD", 100);
        var again = await account.Withdraw("w1", "USD", 100);
        var other = await account.Withdraw("w1", "USD", 200);
        var deposits = await account.Withdraw("fund-treasury-withdraw", "USD", 10_000);

        Assert.True(first.Accepted && !first.Replayed);
        Assert.True(again.Accepted && again.Replayed);
        Assert.True(other.Conflict);
        Assert.True(deposits.Conflict);
        Assert.Equal(9_900m, Assert.Single((await account.GetPortfolio()).Balances).Balance);
    }

    [Fact]
    public async Task ARefusedWithdrawal_IsRefusedAgainOnReplay_AndAFrozenAccountKeepsItsMoney()
    {
        var account = await fixture.Client.Funded("treasury-refused", 10_000);
        var refused = await account.Withdraw("w-big", "USD", 20_000);
        var replay = await account.Withdraw("w-big", "USD", 20_000);
        await account.SetFrozen(true, "drill", cancelResting: false);
        var frozen = await account.Withdraw("w-frozen", "USD", 1);

        Assert.Equal(RejectReason.WithdrawalExceedsAvailable, refused.Reason);
        Assert.True(replay.Replayed && !replay.Accepted);
        Assert.Equal(RejectReason.AccountFrozen, frozen.Reason);
        Assert.Equal(10_000m, Assert.Single((await account.GetPortfolio()).Balances).Balance);
    }
}

using Grid.Abstractions.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Grid.Risk.Accounts;

namespace Grid.Grains.Tests;

/// <summary>Funding from an engine (a command on the stream) or an operator: accrue, settle, replay, bad input.</summary>
[Collection(GridCluster.Name)]
public sealed class FundingTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task Accrue_MovesEquity_Settle_MovesItIntoTheBalance_AndARepeatChangesNothing()
    {
        var account = await fixture.Client.Funded("funding-accrue", 100_000);
        await account.One(Commands.Fill("f", "t1", 1, 3_000, "ETH-PERP", Side.Buy));
        var before = await account.GetBuyingPower();

        var accrued = await account.One(Funding("fund-1", "ETH-PERP", 12.5m, settle: false));
        var duplicate = await account.One(Funding("fund-1", "ETH-PERP", 12.5m, settle: false));
        var middle = await account.GetBuyingPower();
        var unsettled = Assert.Single((await account.GetPortfolio()).Positions).Funding;
        var settled = await account.ApplyFunding("fund-2", "ETH-PERP", -2.5m, settle: true);

        Assert.Equal(ReplyKind.Ack, accrued.Kind);
        Assert.Equal("fund-1", accrued.TradeId);
        Assert.True(duplicate.Replayed);
        Assert.Equal(before.Equity + 12.5m, middle.Equity);
        Assert.Equal(12.5m, unsettled);
        Assert.Equal(ReplyKind.Ack, settled.Reply.Kind);
        Assert.Equal(0m, settled.Position!.Funding);
        var portfolio = await account.GetPortfolio();
        Assert.Equal(10m, portfolio.Balances.Single(b => b.Asset == "USDT").Balance);
        Assert.Equal(0m, Assert.Single(portfolio.Positions).Funding);
    }

    [Fact]
    public async Task BadFunding_GetsClearErrors_AndChangesNothing()
    {
        var account = await fixture.Client.Funded("funding-bad", 100_000);
        await account.One(Commands.Fill("f", "t1", 1, 3_000, "ETH-PERP", Side.Buy));
        await account.One(Funding("fund-1", "ETH-PERP", 1, settle: false));
        var hash = (await account.GetPortfolio()).StateHash;

        var conflict = await account.One(Funding("fund-1", "ETH-PERP", 2, settle: false));
        var noPosition = await account.One(Funding("fund-2", "BTC-PERP", 1, settle: false));
        var unknown = await account.One(Funding("fund-3", "NOPE-PERP", 1, settle: false));
        var spot = await account.One(Funding("fund-4", "BTC-USDT", 1, settle: false));
        var huge = await account.One(Funding("fund-5", "ETH-PERP", 2e15m, settle: false));

        Assert.Equal(ErrorCode.IdempotencyConflict, conflict.Error);
        Assert.Equal(ErrorCode.FailedPrecondition, noPosition.Error);
        Assert.StartsWith("instrument_id: ", noPosition.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCode.UnknownInstrument, unknown.Error);
        Assert.Equal(ErrorCode.InvalidField, spot.Error);
        Assert.Equal(ErrorCode.InvalidField, huge.Error);
        Assert.StartsWith("accrue: ", huge.Message, StringComparison.Ordinal);
        Assert.Equal(hash, (await account.GetPortfolio()).StateHash);

        // A refused funding id was not remembered: it may be sent again once fixed.
        Assert.Equal(ReplyKind.Ack, (await account.One(Funding("fund-5", "ETH-PERP", 2, settle: false))).Kind);
    }

    private static EngineCommand Funding(string id, string instrument, decimal accrue, bool settle)
        => new() { Kind = CommandKind.Funding, FundingId = id, InstrumentId = instrument, Accrue = accrue, Settle = settle };
}

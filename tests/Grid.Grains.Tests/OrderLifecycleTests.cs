using Grid.Abstractions.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Grains.Tests;

/// <summary>Reserve → partial fill → cancel, idempotent retries, amendments (account grain on a two-silo cluster).</summary>
[Collection(GridCluster.Name)]
public sealed class OrderLifecycleTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task Check_Accepted_ReservesMarginForTheRestingOrder()
    {
        var account = await fixture.Client.Funded("life-reserve", 100_000);
        var before = await account.GetBuyingPower();
        var r = await account.One(Commands.Check("o1", "BTC-PERP", Side.Buy, 1, 60_010));
        Assert.Equal(Decision.Accept, r.Decision);
        var after = await account.GetBuyingPower();
        Assert.True(after.InitialMargin > before.InitialMargin);
        Assert.True(after.Available < before.Available);
        Assert.Equal(r.AvailableAfter, after.Available);
        var portfolio = await account.GetPortfolio();
        Assert.Equal(1m, Assert.Single(portfolio.Orders).RemainingQty);
    }

    [Fact]
    public async Task PartialFill_ThenCancel_ConvertsAndReleasesTheReservation()
    {
        var account = await fixture.Client.Funded("life-fill", 200_000);
        var free = (await account.GetBuyingPower()).Available;
        await account.One(Commands.Check("o1", "BTC-PERP", Side.Buy, 1, 60_010));
        var fill = await account.One(Commands.Fill("o1", "t1", 0.4m, 60_000));
        Assert.Equal(ReplyKind.Ack, fill.Kind);
        Assert.Equal(0.6m, fill.RemainingQty);
        var portfolio = await account.GetPortfolio();
        Assert.Equal(0.4m, Assert.Single(portfolio.Positions).Qty);
        Assert.Equal(0.6m, Assert.Single(portfolio.Orders).RemainingQty);

        var cancel = await account.One(Commands.Cancel("o1"));
        Assert.True(cancel.OrderKnown);
        Assert.Equal(0m, cancel.RemainingQty);
        portfolio = await account.GetPortfolio();
        Assert.Empty(portfolio.Orders);
        var after = await account.GetBuyingPower();
        // Only the 0.4 BTC position is margined now: 0.4 × 60,000 × 16% (PM scan at −16%).
        Assert.Equal(3_840m, after.InitialMargin);
        Assert.True(after.Available < free && after.Available > free - 4_000m);
    }

    [Fact]
    public async Task RetriedCheckAndFill_AreAppliedOnce()
    {
        var account = await fixture.Client.Funded("life-retry", 200_000);
        var first = await account.One(Commands.Check("o1", "BTC-PERP", Side.Buy, 2, 60_010));
        var again = await account.One(Commands.Check("o1", "BTC-PERP", Side.Buy, 2, 60_010) with { CorrelationId = 9 });
        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(9ul, again.CorrelationId);
        Assert.Equal(first.Decision, again.Decision);
        Assert.Single((await account.GetPortfolio()).Orders);

        await account.One(Commands.Fill("o1", "t1", 1, 60_000));
        var dup = await account.One(Commands.Fill("o1", "t1", 1, 60_000));
        Assert.True(dup.Replayed);
        var p = await account.GetPortfolio();
        Assert.Equal(1m, Assert.Single(p.Positions).Qty);
        Assert.Equal(1m, Assert.Single(p.Orders).RemainingQty);
    }

    [Fact]
    public async Task SameOrderIdWithOtherTerms_IsRejectedAsDuplicate()
    {
        var account = await fixture.Client.Funded("life-dup", 200_000);
        await account.One(Commands.Check("o1", "BTC-PERP", Side.Buy, 1, 60_010));
        var r = await account.One(Commands.Check("o1", "BTC-PERP", Side.Buy, 1, 59_000));
        Assert.Equal(RejectReason.DuplicateOrderId, r.Reason);
    }

    [Fact]
    public async Task Amend_Increase_IsRecheckedAndRejectedKeepsTheOriginal()
    {
        var account = await fixture.Client.Funded("life-amend", 20_000);
        Assert.Equal(Decision.Accept, (await account.One(Commands.Check("o1", "BTC-PERP", Side.Buy, 1, 60_000))).Decision);
        var tooBig = await account.One(Commands.Amend("o1", 50, 60_000));
        Assert.Equal(RejectReason.InsufficientMargin, tooBig.Reason);
        Assert.Equal(1m, Assert.Single((await account.GetPortfolio()).Orders).RemainingQty);
        var smaller = await account.One(Commands.Amend("o1", 0.5m, 60_000));
        Assert.Equal(Decision.Accept, smaller.Decision);
        Assert.Equal(0.5m, Assert.Single((await account.GetPortfolio()).Orders).RemainingQty);
    }

    [Fact]
    public async Task BadCommands_GetClearErrorsAndChangeNothing()
    {
        var account = await fixture.Client.Funded("life-bad", 50_000);
        var hash = (await account.GetPortfolio()).StateHash;
        var unknown = await account.One(Commands.Check("o1", "NOPE-PERP", Side.Buy, 1, 1));
        Assert.Equal(RejectReason.UnknownInstrument, unknown.Reason);
        var fill = await account.One(Commands.Fill("missing", "t9", 1, 1));
        Assert.Equal(ErrorCode.UnknownOrder, fill.Error);
        await account.One(Commands.Check("o2", "BTC-PERP", Side.Buy, 0.1m, 60_000));
        var fee = await account.One(Commands.Fill("o2", "t1", 0.1m, 60_000) with { Fee = 61 });
        Assert.Equal(ErrorCode.InvalidField, fee.Error);
        Assert.StartsWith("filled.fee: ", fee.Message, StringComparison.Ordinal);
        var p = await account.GetPortfolio();
        Assert.Empty(p.Positions);
        Assert.NotEqual(hash, p.StateHash);
        Assert.Equal(0.1m, Assert.Single(p.Orders).RemainingQty);
        Assert.Equal(50_000m, Assert.Single(p.Balances).Balance);
    }

    [Fact]
    public async Task AFillLargerThanTheRemaining_BooksInFull_AndReleasesTheReservation()
    {
        var account = await fixture.Client.Funded("life-over", 500_000);
        await account.One(Commands.Check("o1", "BTC-PERP", Side.Buy, 0.1m, 60_000));

        var over = await account.One(Commands.Fill("o1", "t1", 0.5m, 60_000) with { Fee = 3 });

        Assert.Equal(ReplyKind.Ack, over.Kind);
        Assert.True(over.OrderKnown);
        Assert.Equal(0m, over.RemainingQty);
        var p = await account.GetPortfolio();
        Assert.Empty(p.Orders);
        Assert.Equal(0.5m, Assert.Single(p.Positions).Qty);
        Assert.Equal(-3m, p.Balances.Single(b => b.Asset == "USDT").Balance);
    }

    [Fact]
    public async Task PriceOutsideBand_IsRejected()
    {
        var account = await fixture.Client.Funded("life-band", 500_000);
        var r = await account.One(Commands.Check("o1", "BTC-PERP", Side.Buy, 1, 80_000));
        Assert.Equal(RejectReason.PriceOutsideBand, r.Reason);
    }
}

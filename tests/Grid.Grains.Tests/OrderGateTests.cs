using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Grains.Tests;

/// <summary>
/// Check, what-if and max order size give one decision: the size GetMaxOrderSize reports is accepted by a
/// check, two micro-units more are not, and what-if agrees, under the instrument's own limits.
/// </summary>
[Collection(GridCluster.Name)]
public sealed class OrderGateTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task MaxOrderSize_IsAcceptedByACheck_AndTwoMicrosMoreAreNot_UnderEveryLimit()
    {
        var notional = await Listings.Perp(fixture, "GATE-N-PERP", 3_000, s => s with { MaxOrderNotional = 100_000m, PriceBand = 0.1m });
        var position = await Listings.Perp(fixture, "GATE-P-PERP", 3_000, s => s with { MaxPosition = 12.345678m });
        var account = await fixture.Client.Funded("gate-max", 10_000_000);
        await account.One(Commands.Fill("held", "t-held", 5, 3_000, position, Side.Buy));
        var probes = new (string Instrument, Side Side, decimal Price, RejectReason Beyond)[]
        {
            (notional, Side.Buy, 3_010, RejectReason.MaxOrderNotional),
            (notional, Side.Sell, 2_950.5m, RejectReason.MaxOrderNotional),
            (position, Side.Buy, 3_000, RejectReason.MaxPosition),
            (position, Side.Sell, 3_001, RejectReason.MaxPosition),
            ("ETH-PERP", Side.Buy, 3_000, RejectReason.InsufficientMargin),
        };

        var n = 0;
        foreach (var (instrument, side, price, beyond) in probes)
        {
            var max = (await account.GetMaxOrderSize(instrument, side, price)).Qty;
            Assert.True(max > 0 && max == Math.Round(max, 6), $"{instrument} {side}: {max}");
            var at = await account.One(Commands.Check($"at-{n}", instrument, side, max, price));
            Assert.True(at.Decision == Decision.Accept, $"{instrument} {side} {max} @ {price}: {at.Reason} {at.Message}");
            await account.One(Commands.Cancel($"at-{n}"));
            var over = await account.One(Commands.Check($"over-{n}", instrument, side, max + 0.000002m, price));
            Assert.Equal((Decision.Reject, beyond), (over.Decision, over.Reason));
            var whatIf = await account.WhatIf([new OrderIntent(instrument, side, max, price), new OrderIntent(instrument, side, max + 0.000002m, price)]);
            Assert.Equal(Decision.Accept, whatIf.Decisions[0].Decision);
            Assert.Equal(beyond, whatIf.Decisions[1].Reason);
            n++;
        }

        Assert.Equal(12.345678m + 5, (await account.GetMaxOrderSize(position, Side.Sell, 3_000)).Qty);
        Assert.Equal(0m, (await account.GetMaxOrderSize(notional, Side.Buy, 3_400)).Qty);
    }

    [Fact]
    public async Task FrozenAccount_HasNoMaxSize_AndWhatIfRefusesLikeACheck()
    {
        var account = await fixture.Client.Funded("gate-frozen", 1_000_000);
        await account.SetFrozen(true, "drill", cancelResting: false);

        Assert.Equal(0m, (await account.GetMaxOrderSize("BTC-PERP", Side.Buy, 60_000)).Qty);
        var whatIf = await account.WhatIf([new OrderIntent("BTC-PERP", Side.Buy, 1, 60_000)]);
        Assert.Equal(RejectReason.AccountFrozen, whatIf.Decisions[0].Reason);
        await account.SetFrozen(false, "", cancelResting: false);
        Assert.True((await account.GetMaxOrderSize("BTC-PERP", Side.Buy, 60_000)).Qty > 0);
    }

    [Fact]
    public async Task WhatIf_EvaluatesReduceOnlyAndTheBand_AsACheckDoes()
    {
        var account = await fixture.Client.Funded("gate-whatif", 1_000_000);

        var whatIf = await account.WhatIf(
        [
            new OrderIntent("BTC-PERP", Side.Sell, 1, 60_000, ReduceOnly: true),
            new OrderIntent("BTC-PERP", Side.Buy, 1, 80_000),
            new OrderIntent("BTC-PERP", Side.Buy, 1, 60_000),
        ]);
        var check = await account.One(Commands.Check("ro", "BTC-PERP", Side.Sell, 1, 60_000, reduceOnly: true));

        Assert.Equal(RejectReason.InvalidOrder, whatIf.Decisions[0].Reason);
        Assert.Equal(RejectReason.InvalidOrder, check.Reason);
        Assert.Equal(RejectReason.PriceOutsideBand, whatIf.Decisions[1].Reason);
        Assert.Equal(Decision.Accept, whatIf.Decisions[2].Decision);
    }

    [Fact]
    public async Task AMarginReject_ReportsTheOrdersAvailableAfter_NotTodays()
    {
        var account = await fixture.Client.Funded("gate-reject", 100_000);
        var available = (await account.GetBuyingPower()).Available;

        var r = await account.One(Commands.Check("big", "BTC-PERP", Side.Buy, 20, 60_000));

        Assert.Equal(RejectReason.InsufficientMargin, r.Reason);
        Assert.True(available > 0);
        Assert.Equal(0m, r.AvailableAfter);
        Assert.True(r.Shortfall > 0 && r.ImAfter > r.Equity);
    }

    [Fact]
    public async Task AnUnknownAccount_IsNotFound_AndAnEngineMessageForItChangesNothing()
    {
        var account = fixture.Client.GetGrain<IAccountGrain>("gate-nobody");

        var reply = await account.One(Commands.Check("o", "BTC-PERP", Side.Buy, 1, 60_000));
        var e = await Assert.ThrowsAsync<KeyNotFoundException>(() => account.GetBuyingPower().AsTask());

        Assert.Equal(ErrorCode.UnknownAccount, reply.Error);
        Assert.StartsWith("account_id: ", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => account.GetPortfolio().AsTask());
    }
}

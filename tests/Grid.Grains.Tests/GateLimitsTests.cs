using Grid.Abstractions.Market;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Grains.Tests;

/// <summary>
/// REJECT_REASON_STALE_PRICE and REJECT_REASON_MAX_OPEN_ORDERS produced through the account grain, with the
/// options that switch them on (Grid:Accounts:MaxPriceAge, MaxOpenOrders); a risk-reducing order passes a
/// stale price.
/// </summary>
public sealed class GateLimitsTests(GateLimitsClusterFixture fixture) : IClassFixture<GateLimitsClusterFixture>
{
    [Fact]
    public async Task StalePrice_RefusesRiskIncreasingOrders_ReducingOnesPass_AFreshPriceLiftsIt()
    {
        var account = await fixture.Client.Funded("limits-stale", 1_000_000);
        // A fill books whatever the price's age (the trade happened): the account holds 2 ETH.
        await account.One(Commands.Fill("held", "t-held", 2, 3_000, "ETH-PERP", Side.Buy));

        var buy = await account.One(Commands.Check("more", "ETH-PERP", Side.Buy, 1, 3_000));
        var crossing = await account.One(Commands.Check("cross", "ETH-PERP", Side.Sell, 3, 3_000));
        var sell = await account.One(Commands.Check("less", "ETH-PERP", Side.Sell, 1, 3_000));
        var reduceOnly = await account.One(Commands.Check("less-ro", "ETH-PERP", Side.Sell, 1, 3_000, reduceOnly: true));

        Assert.Equal((Decision.Reject, RejectReason.StalePrice), (buy.Decision, buy.Reason));
        Assert.Contains("MaxPriceAge", buy.Message, StringComparison.Ordinal);
        Assert.Equal(Decision.Accept, sell.Decision);
        Assert.Equal(Decision.Accept, reduceOnly.Decision);
        // Selling through zero opens a short: it adds risk, so the stale price refuses it.
        Assert.Equal((Decision.Reject, RejectReason.StalePrice), (crossing.Decision, crossing.Reason));

        await fixture.Client.GetGrain<IInstrumentGrain>("ETH-PERP").PublishPrices(new InstrumentPrices { Mark = 3_000, At = DateTimeOffset.UtcNow });
        await Listings.Eventually(() => Fresh(fixture.View().Frame, "ETH-PERP"));
        await account.Execute([Commands.Cancel("less"), Commands.Cancel("less-ro")]);
        var again = await account.One(Commands.Check("more-2", "ETH-PERP", Side.Buy, 1, 3_000));
        Assert.Equal(Decision.Accept, again.Decision);
    }

    [Fact]
    public async Task MaxOpenOrders_RefusesTheOrderBeyondTheCap_ACancelMakesRoom()
    {
        var account = await fixture.Client.Funded("limits-open", 1_000_000);
        // Risk-reducing sells pass the stale BTC price, so the cap is the only gate left to meet.
        await account.One(Commands.Fill("held", "t-held", 1, 60_000, "BTC-PERP", Side.Buy));
        for (var i = 0; i < GateLimitsClusterFixture.MaxOpenOrders; i++)
        {
            Assert.Equal(Decision.Accept, (await account.One(Commands.Check($"rest-{i}", "BTC-PERP", Side.Sell, 0.1m, 60_000))).Decision);
        }

        var beyond = await account.One(Commands.Check("beyond", "BTC-PERP", Side.Sell, 0.1m, 60_000));
        await account.One(Commands.Cancel("rest-0"));
        var room = await account.One(Commands.Check("room", "BTC-PERP", Side.Sell, 0.1m, 60_000));

        Assert.Equal((Decision.Reject, RejectReason.MaxOpenOrders), (beyond.Decision, beyond.Reason));
        Assert.Contains("MaxOpenOrders", beyond.Message, StringComparison.Ordinal);
        Assert.Equal(Decision.Accept, room.Decision);
        Assert.Equal(GateLimitsClusterFixture.MaxOpenOrders, (await account.GetPortfolio()).Orders.Count);
    }

    private static bool Fresh(Grid.Grains.Market.MarketFrame frame, string instrument)
        => frame.Model.TryGetInstrument(instrument, out var i) && !frame.IsStale(frame.Model.Instruments[i].Group, DateTimeOffset.UtcNow, GateLimitsClusterFixture.MaxPriceAge);
}

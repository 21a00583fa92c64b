using System.Threading.Channels;
using Grid.Abstractions.Risk;
using Grid.Risk.Accounts;
using Grid.Risk.Rulebooks;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Grains.Tests;

/// <summary>
/// Resting orders are pulled whatever takes the account into LIQUIDATE (a fill, a regime switch), in the
/// same durable write, and the engines are told which orders of which venue.
/// </summary>
[Collection(GridCluster.Name)]
public sealed class LiquidationPullTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task AFillIntoLiquidation_PullsTheRestingOrders_AndTellsTheVenues()
    {
        var perp = await Listings.Perp(fixture, "PULL-FILL-PERP", 1_000);
        using var events = new EventStream(Feed());
        var account = await fixture.Client.Funded("pull-fill", 25_000);
        await account.One(Commands.Check("resting-a", perp, Side.Sell, 10, 1_050) with { Venue = "venue-a" });
        await account.One(Commands.Check("resting-b", perp, Side.Buy, 1, 990) with { Venue = "venue-b" });

        // 100 bought at 1,150 against a mark of 1,000: AE 25,000 − 15,000 = 10,000 < MM 16,000.
        var fill = await account.One(Commands.Fill("other", "t1", 100, 1_150, perp, Side.Buy));

        Assert.Equal(AccountState.Liquidate, fill.State);
        Assert.Empty((await account.GetPortfolio()).Orders);
        var pulled = await events.Next(e => e.AccountId == "pull-fill" && e.CanceledOrderIds.Count > 0);
        Assert.Equal("liquidation", pulled.Cause);
        Assert.Equal(["resting-a", "resting-b"], pulled.CanceledOrderIds.Order());
        Assert.Equal(pulled.CanceledOrderIds.Select(id => id == "resting-a" ? "venue-a" : "venue-b"), pulled.CanceledOrderVenues);
    }

    [Fact]
    public async Task ARegimeSwitchIntoLiquidation_PullsTheRestingOrders()
    {
        var perp = await Listings.Perp(fixture, "PULL-REGIME-PERP", 1_000);
        using var events = new EventStream(Feed());
        var account = await fixture.Client.Funded("pull-regime", 10_000);
        await account.SetRegime(MarginRegime.Std, force: true);

        // STD: IM 5% of 100,000 = 5,000 against AE 10,000; PM: MM 0.8 × 20% × 100,000 = 16,000.
        await account.One(Commands.Fill("f", "t1", 100, 1_000, perp, Side.Buy));
        var resting = await account.One(Commands.Check("resting", perp, Side.Sell, 1, 1_010) with { Venue = "venue-a" });
        Assert.Equal(Risk.Decisions.Decision.Accept, resting.Decision);

        var summary = await account.SetRegime(MarginRegime.Pm, force: true);

        Assert.Equal(AccountState.Liquidate, summary.State);
        Assert.Empty((await account.GetPortfolio()).Orders);
        var pulled = await events.Next(e => e.AccountId == "pull-regime" && e.CanceledOrderIds.Count > 0);
        Assert.Equal(["resting"], pulled.CanceledOrderIds);
        Assert.Equal(["venue-a"], pulled.CanceledOrderVenues);
    }

    private IRiskEventFeed Feed()
        => fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress).GetRequiredService<IRiskEventFeed>();

    private sealed class EventStream : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly ChannelReader<RiskEventData> _reader;

        public EventStream(IRiskEventFeed feed) => _reader = feed.Subscribe(10_000, _stop.Token);

        public async Task<RiskEventData> Next(Func<RiskEventData, bool> match)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            while (true)
            {
                var e = await _reader.ReadAsync(timeout.Token);
                if (match(e))
                {
                    return e;
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}

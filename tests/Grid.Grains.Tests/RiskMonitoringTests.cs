using System.Threading.Channels;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Market;
using Grid.Abstractions.Risk;
using Grid.Grains.Monitoring;
using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Grains.Tests;

/// <summary>Price moves re-margin monitored accounts on their silo, emit events, and reach idle accounts too.</summary>
[Collection(GridCluster.Name)]
public sealed class RiskMonitoringTests(GridClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task PriceMove_IntoMarginCall_EmitsEventAndChangesBuyingPower()
    {
        var perp = await ListPerp("RISK-A-PERP", 1_000);
        using var events = Subscribe();
        // 100 contracts × 1,000 = 100k notional, ETH group range 20%: IM 20,000, MM 16,000.
        var account = await fixture.Client.Funded("risk-a", 21_000);
        await account.One(Commands.Fill("f", "t1", 100, 1_000, perp, Side.Buy));
        var before = await account.GetBuyingPower();
        Assert.Equal(AccountState.Ok, before.State);

        await Mark(perp, 985); // AE 19,500: below IM, above MM
        var e = await events.Next(x => x.AccountId == "risk-a");
        Assert.Equal((AccountState.Ok, AccountState.ReduceOnly), (e.PreviousState, e.State));
        Assert.Equal("price move", e.Cause);
        Assert.Equal(perp, Assert.Single(e.Positions).InstrumentId);
        var after = await account.GetBuyingPower();
        Assert.Equal(AccountState.ReduceOnly, after.State);
        Assert.True(after.Equity < before.Equity);
    }

    [Fact]
    public async Task IdleAccount_WithPositions_IsStillCaught_AndItsOrdersCancelled()
    {
        var perp = await ListPerp("RISK-B-PERP", 1_000);
        using var events = Subscribe();
        var account = await fixture.Client.Funded("risk-b", 25_000);
        await account.One(Commands.Fill("f", "t1", 100, 1_000, perp, Side.Buy));
        await account.One(Commands.Check("resting", perp, Side.Sell, 10, 1_050));
        await fixture.Cluster.DeactivateAsync(account);

        // IM = 20% × 100 × mark, MM = 0.8 × IM: at 850, AE 10,000 < MM 13,600.
        await Mark(perp, 850);
        var entered = await events.Next(x => x.AccountId == "risk-b" && x.State == AccountState.Liquidate && x.Cause == "price move");
        Assert.True(entered.LiquidationCandidate);
        var cancelled = await events.Next(x => x.AccountId == "risk-b" && x.CanceledOrderIds.Count > 0);
        Assert.Equal("resting", Assert.Single(cancelled.CanceledOrderIds));
        Assert.Empty((await account.GetPortfolio()).Orders);
    }

    [Fact]
    public async Task Liquidation_EndsOnlyAboveLiqEndFraction()
    {
        var perp = await ListPerp("RISK-C-PERP", 1_000);
        using var events = Subscribe();
        var account = await fixture.Client.Funded("risk-c", 25_000);
        await account.One(Commands.Fill("f", "t1", 100, 1_000, perp, Side.Buy));
        // IM = 20 × mark, MM = 16 × mark, AE = 25,000 + 100 × (mark − 1,000).
        await Mark(perp, 850); // AE 10,000 < MM 13,600: liquidate
        await events.Next(x => x.AccountId == "risk-c" && x.State == AccountState.Liquidate);

        await Mark(perp, 900); // AE 15,000 ≥ MM 14,400 but < 0.9 × IM = 16,200: still liquidating
        Assert.Equal(AccountState.Liquidate, (await account.GetBuyingPower()).State);
        Assert.Equal(AccountState.Liquidate, fixture.Watches().Select(w => w.Replica("risk-c")).Single(r => r is not null)!.State);
        await Mark(perp, 1_000); // AE 25,000 ≥ IM 20,000: back to OK
        var exit = await events.Next(x => x.AccountId == "risk-c" && x.PreviousState == AccountState.Liquidate);
        Assert.Equal(AccountState.Ok, exit.State);
    }

    private async Task<string> ListPerp(string id, decimal mark)
    {
        var grain = fixture.Client.GetGrain<IInstrumentGrain>(id);
        await grain.Upsert(new InstrumentSpec { Id = id, Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH", Settlement = "USDT" });
        await grain.PublishPrices(new InstrumentPrices { Mark = mark, At = DateTimeOffset.UtcNow });
        await Eventually(() => fixture.Views().All(v => v.Frame.Model.TryGetInstrument(id, out _)));
        return id;
    }

    private async Task Mark(string id, decimal mark)
    {
        await fixture.Client.GetGrain<IInstrumentGrain>(id).PublishPrices(new InstrumentPrices { Mark = mark, At = DateTimeOffset.UtcNow });
        await Eventually(() => fixture.Views().All(v => v.Frame.Model.Instrument(id).Mark == (double)mark));
    }

    private EventStream Subscribe()
    {
        var silo = fixture.Cluster.Silos[0];
        var feed = fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<IRiskEventFeed>();
        return new EventStream(feed);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }

    private sealed class EventStream : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly ChannelReader<RiskEventData> _reader;

        public EventStream(IRiskEventFeed feed) => _reader = feed.Subscribe(10_000, _stop.Token);

        public async Task<RiskEventData> Next(Func<RiskEventData, bool> match)
        {
            using var timeout = new CancellationTokenSource(Patience);
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

using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Cluster;

/// <summary>An at-risk account whose silo dies is taken over by a survivor's monitor and still caught when its market moves.</summary>
[Collection(ClusterTests.Name)]
public sealed class MonitoringFailoverTests
{
    [RedisFact]
    public async Task AccountOfADeadSilo_IsStillCaughtWhenItsMarketMoves()
    {
        await using var cluster = await SiloCluster.StartAsync(2);
        var admin = new Admin.AdminClient(cluster.Silos[0].Channel);
        await admin.UpsertInstrumentAsync(new UpsertInstrumentRequest
        {
            Instrument = new InstrumentSpec { Id = "ORPHAN-PERP", Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH", Multiplier = Dec(1), Settlement = "USDT" },
        });
        await Mark(cluster.Silos[0], "ORPHAN-PERP", 1_000);

        // Trade through silo 1: the account's grain, and its monitor replica, live there.
        var accounts = new Accounts.AccountsClient(cluster.Silos[1].Channel);
        await accounts.DepositAsync(new DepositRequest { AccountId = "orphan", Asset = "USD", Amount = Dec(25_000), RequestId = "fund-orphan" });
        await using (var engine = new EngineStream(new PreTrade.PreTradeClient(cluster.Silos[1].Engine)))
        {
            var fill = await engine.Send(Fill(0, "orphan", "f", "orphan-t1", 100, 1_000, "ORPHAN-PERP", Side.Buy));
            Assert.Equal(GridMessage.BodyOneofCase.Ack, fill.BodyCase);
        }

        cluster.Silos[1].Kill();
        using var events = new RiskEvents.RiskEventsClient(cluster.Silos[0].Channel).Subscribe(new SubscribeRiskEventsRequest { States = { AccountState.Liquidate } });
        await events.ResponseHeadersAsync;
        await Task.Delay(TimeSpan.FromSeconds(3));
        await Mark(cluster.Silos[0], "ORPHAN-PERP", 850);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        RiskEvent e;
        do
        {
            Assert.True(await events.ResponseStream.MoveNext(timeout.Token));
            e = events.ResponseStream.Current;
        }
        while (e.AccountId != "orphan" || e.Cause == "snapshot");

        Assert.Equal(AccountState.Liquidate, e.State);
    }

    private static async Task Mark(HostProcess silo, string instrument, decimal price)
    {
        var batch = new PriceBatch { Sequence = (ulong)DateTime.UtcNow.Ticks };
        batch.Updates.Add(new PriceUpdate { ObservedAt = Time(DateTimeOffset.UtcNow), Mark = new MarkPrice { InstrumentId = instrument, Price = Dec(price) } });
        Assert.Equal(1u, (await new MarketData.MarketDataClient(silo.Feeder).PublishOnceAsync(batch)).Accepted);
    }
}

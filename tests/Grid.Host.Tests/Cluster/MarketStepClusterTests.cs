using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Cluster;

/// <summary>
/// A price batch acknowledged by one silo is seen by the next query on that silo, whichever silos its
/// instruments' grains live on; the other silo converges on the same step.
/// </summary>
[Collection(ClusterTests.Name)]
public sealed class MarketStepClusterTests
{
    private const int Perps = 12;

    [RedisFact]
    public async Task ABatchAckedBySiloA_IsSeenByTheNextQueryThere_AndSiloBConverges()
    {
        await using var cluster = await SiloCluster.StartAsync(2);
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
        var ids = Enumerable.Range(0, Perps).Select(i => $"STEP-{i}-PERP").ToList();
        var admin = new Admin.AdminClient(a.Channel);
        foreach (var id in ids)
        {
            await admin.UpsertInstrumentAsync(new UpsertInstrumentRequest
            {
                Instrument = new InstrumentSpec { Id = id, Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH", Multiplier = Dec(1), Settlement = "USDT" },
            });
        }

        var feeder = new MarketData.MarketDataClient(a.Feeder);
        await Publish(feeder, ids, 1_000, DateTimeOffset.UtcNow);

        // One account whose grain lives on each silo (an account activates where it is first called).
        foreach (var (silo, account) in new[] { (a, "step-a"), (b, "step-b") })
        {
            await new Accounts.AccountsClient(silo.Channel).DepositAsync(new DepositRequest { AccountId = account, Asset = "USD", Amount = Dec(1_000_000), RequestId = "fund" });
            await using var engine = new EngineStream(new PreTrade.PreTradeClient(silo.Engine));
            foreach (var id in ids)
            {
                await engine.Send(Fill(0, account, id, id, 1, 1_000, id, Side.Buy));
            }
        }

        var onA = new Accounts.AccountsClient(a.Channel);
        var onB = new Accounts.AccountsClient(b.Channel);
        for (var round = 1; round <= 5; round++)
        {
            var at = DateTimeOffset.UtcNow;
            await Publish(feeder, ids, 1_000 + round, at);
            var stamp = Timestamp.FromDateTimeOffset(at);

            var seen = await onA.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "step-a" });
            Assert.Equal(stamp, seen.AsOf);
            Assert.Equal(1_000_000m + Perps * round, Num(seen.Equity));

            var deadline = DateTime.UtcNow.AddSeconds(30);
            BuyingPower there;
            while ((there = await onB.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "step-b" })).AsOf != stamp)
            {
                Assert.True(DateTime.UtcNow < deadline, $"silo B did not reach the step of round {round}");
                await Task.Delay(20);
            }

            Assert.Equal(1_000_000m + Perps * round, Num(there.Equity));
        }
    }

    private static async Task Publish(MarketData.MarketDataClient feeder, List<string> ids, decimal mark, DateTimeOffset at)
    {
        var batch = new PriceBatch { Sequence = (ulong)DateTime.UtcNow.Ticks };
        batch.Updates.Add(ids.Select(id => new PriceUpdate { ObservedAt = Time(at), Mark = new MarkPrice { InstrumentId = id, Price = Dec(mark) } }));
        var ack = await feeder.PublishOnceAsync(batch);
        Assert.True(ack.Accepted == ids.Count, ack.ToString());
    }
}

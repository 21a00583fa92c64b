using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Cluster;

/// <summary>
/// Durable and clustered (issue 5), with real silo processes and a real redis-server on loopback:
/// nothing acknowledged is lost and nothing is applied twice through a kill -9, a Redis restart,
/// a graceful shutdown and a full cluster restart.
/// </summary>
[Collection(ClusterTests.Name)]
public sealed class DurabilityTests
{
    internal const int Orders = 6;

    [RedisFact]
    public async Task KillNineOfThreeSilos_MidStream_EveryAcknowledgedChangeSurvivesOnce()
    {
        await using var cluster = await SiloCluster.StartAsync(3);
        var accounts = await Funded(cluster.Silos[0], "kill", 12);
        await using var engine = new ResilientEngine(cluster.Silos);
        await engine.ConnectAsync(1);
        var killed = false;
        await Workload.RunAsync(engine, accounts, Orders, async done =>
        {
            if (!killed && done >= accounts.Count * Orders)
            {
                killed = true;
                cluster.Silos[1].Kill();
            }

            await Task.CompletedTask;
        });

        Assert.True(killed);
        Assert.True(engine.Reconnects >= 1, "the engine had to reconnect to a survivor");
        foreach (var survivor in new[] { cluster.Silos[0], cluster.Silos[2] })
        {
            await AssertEveryChangeOnce(survivor, accounts);
        }
    }

    [RedisFact]
    public async Task RedisRestart_RequestsFailRetriably_ThenTheGridRecoversWithoutARestart()
    {
        await using var cluster = await SiloCluster.StartAsync(1);
        var silo = cluster.Silos[0];
        var accounts = await Funded(silo, "redis", 1);
        await using var engine = new EngineStream(new PreTrade.PreTradeClient(silo.Engine));
        Assert.Equal(Decision.Accept, (await engine.Send(Check(0, accounts[0], "before", "BTC-PERP", Side.Buy, 0.01m, 60_000))).Decision.Decision);

        await cluster.Redis.StopAsync();
        var during = await engine.Send(Check(0, accounts[0], "during", "BTC-PERP", Side.Buy, 0.01m, 60_000));
        Assert.Equal(GridMessage.BodyOneofCase.Error, during.BodyCase);
        Assert.Equal(ErrorCode.Unavailable, during.Error.Code);
        var read = await Assert.ThrowsAnyAsync<RpcException>(async () =>
        {
            // A fresh activation needs storage: reads of an account not yet loaded fail retriably too.
            await new Accounts.AccountsClient(silo.Channel).GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "redis-never-seen" });
        });
        Assert.True(read.StatusCode is StatusCode.Unavailable or StatusCode.NotFound, read.Status.ToString());

        await cluster.Redis.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        GridMessage after;
        do
        {
            after = await engine.Send(Check(0, accounts[0], "after", "BTC-PERP", Side.Buy, 0.01m, 60_000));
        }
        while (after.BodyCase == GridMessage.BodyOneofCase.Error && DateTime.UtcNow < deadline && await Task.Delay(200).ContinueWith(_ => true));

        Assert.Equal(Decision.Accept, after.Decision.Decision);
        var orders = (await new Accounts.AccountsClient(silo.Channel).GetPortfolioAsync(new GetPortfolioRequest { AccountId = accounts[0] })).Orders;
        Assert.Equal(["after", "before"], orders.Select(o => o.ClientOrderId).Order(StringComparer.Ordinal));
    }

    [RedisFact]
    public async Task GracefulShutdown_DrainsTheStream_AndLosesNothing()
    {
        await using var cluster = await SiloCluster.StartAsync(2);
        var accounts = await Funded(cluster.Silos[0], "drain", 12);
        await using var engine = new ResilientEngine(cluster.Silos);
        await engine.ConnectAsync(1);
        Task? stopping = null;
        await Workload.RunAsync(engine, accounts, Orders, async done =>
        {
            if (stopping is null && done >= accounts.Count * Orders)
            {
                stopping = cluster.Silos[1].StopAsync(TimeSpan.FromSeconds(40));
            }

            await Task.CompletedTask;
        });

        await stopping!;
        Assert.DoesNotContain("Unhandled exception", cluster.Silos[1].Output);
        await AssertEveryChangeOnce(cluster.Silos[0], accounts);
    }

    [RedisFact]
    public async Task FullClusterRestart_RestoresEveryAccountExactly()
    {
        await using var cluster = await SiloCluster.StartAsync(2);
        var accounts = await Funded(cluster.Silos[0], "restart", 8);
        await using (var engine = new ResilientEngine(cluster.Silos))
        {
            await engine.ConnectAsync(0);
            await Workload.RunAsync(engine, accounts, 3);
            // Leave something resting too.
            foreach (var a in accounts)
            {
                await engine.SendAsync(() => Check(0, a, $"{a}-resting", "BTC-PERP", Side.Sell, 0.002m, 61_000), TimeSpan.FromSeconds(30));
            }
        }

        var before = await ClusterDigest.Of(cluster.Silos[1], accounts);
        foreach (var silo in cluster.Silos)
        {
            silo.Kill();
        }

        foreach (var silo in cluster.Silos)
        {
            await silo.RestartAsync();
        }

        var after = await ClusterDigest.Of(cluster.Silos[0], accounts);
        Assert.Equal(before, after);
        Assert.Contains("restart-0-resting", after);
    }

    internal static async Task<List<string>> Funded(HostProcess silo, string prefix, int count)
    {
        var client = new Accounts.AccountsClient(silo.Channel);
        var accounts = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToList();
        foreach (var a in accounts)
        {
            await client.DepositAsync(new DepositRequest { AccountId = a, Asset = "USD", Amount = Dec(1_000_000), RequestId = $"fund-{a}" });
        }

        return accounts;
    }

    internal static async Task AssertEveryChangeOnce(HostProcess silo, IEnumerable<string> accounts)
    {
        var client = new Accounts.AccountsClient(silo.Channel);
        foreach (var a in accounts)
        {
            var p = await client.GetPortfolioAsync(new GetPortfolioRequest { AccountId = a }, deadline: DateTime.UtcNow.AddSeconds(30));
            Assert.Empty(p.Orders);
            var position = Assert.Single(p.Positions);
            Assert.Equal(Orders * Workload.FillQty, Num(position.Qty));
            Assert.Equal(1_000_000m, Num(p.Balances.Single(b => b.Asset == "USD").Balance));
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterTests
{
    public const string Name = "silo clusters";
}

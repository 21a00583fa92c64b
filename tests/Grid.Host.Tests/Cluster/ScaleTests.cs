using Grid.Host.Tests.Infrastructure;

namespace Grid.Host.Tests.Cluster;

/// <summary>Scale out and in on loopback while engines trade: a fourth silo joins, one leaves gracefully, nothing is lost.</summary>
[Collection(ClusterTests.Name)]
public sealed class ScaleTests(ITestOutputHelper output)
{
    private const int Orders = 6;

    [RedisFact]
    public async Task AddAFourthSilo_ThenRemoveOne_UnderLoad_NothingIsLost()
    {
        await using var cluster = await SiloCluster.StartAsync(3);
        var clusterId = cluster.Silos[0].Settings["Grid:Host:ClusterId"];
        var accounts = Enumerable.Range(0, 24).Select(i => $"scale-{i}").ToList();
        var client = new Api.V1.Accounts.AccountsClient(cluster.Silos[0].Channel);
        foreach (var a in accounts)
        {
            await client.DepositAsync(new Api.V1.DepositRequest { AccountId = a, Asset = "USD", Amount = Wire.Dec(1_000_000), RequestId = $"fund-{a}" });
        }

        await using var engine = new ResilientEngine(cluster.Silos);
        await engine.ConnectAsync(1);
        var started = DateTime.UtcNow;
        Task? joining = null;
        Task? leaving = null;
        await Workload.RunAsync(engine, accounts, Orders, async done =>
        {
            var total = accounts.Count * Orders * 3;
            if (joining is null && done >= total / 4)
            {
                joining = Task.Run(async () => cluster.Silos.Add(await HostProcess.StartAsync(SiloCluster.Settings(cluster.Redis, clusterId, seed: false))));
            }

            if (leaving is null && done >= total / 2)
            {
                await joining!;
                leaving = cluster.Silos[1].StopAsync(TimeSpan.FromSeconds(40));
            }
        });

        await leaving!;
        var elapsed = DateTime.UtcNow - started;
        output.WriteLine($"{engine.Acknowledged} messages acknowledged in {elapsed.TotalSeconds:F1} s across a join and a graceful leave; {engine.Reconnects} reconnect(s), {engine.Resent} resend(s)");
        engine.Failures.ForEach(output.WriteLine);
        Assert.Equal(4, cluster.Silos.Count);
        foreach (var silo in cluster.Silos.Where(s => !s.HasExited))
        {
            var accountsClient = new Api.V1.Accounts.AccountsClient(silo.Channel);
            foreach (var a in accounts)
            {
                var p = await accountsClient.GetPortfolioAsync(new Api.V1.GetPortfolioRequest { AccountId = a }, deadline: DateTime.UtcNow.AddSeconds(30));
                Assert.Empty(p.Orders);
                Assert.Equal(Orders * Workload.FillQty, Wire.Num(Assert.Single(p.Positions).Qty));
            }
        }
    }
}

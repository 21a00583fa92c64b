using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using StackExchange.Redis;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Cluster;

/// <summary>
/// Issue 15: accounts stored as whole records (the grain storage's format before the journal, or with
/// Grid:Journal:Enabled=false) are read on their first journaled activation and go on from there.
/// </summary>
[Collection(ClusterTests.Name)]
public sealed class JournalMigrationTests
{
    [RedisFact]
    public async Task WholeRecords_AreReadOnTheFirstJournaledActivation_AndJournaledChangesSurviveARestart()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var clusterId = $"m{Guid.NewGuid():N}"[..12];
        var accounts = new[] { "migrate-0", "migrate-1", "migrate-2" };
        string before;
        var wholeRecords = SiloCluster.Settings(redis, clusterId, seed: true);
        wholeRecords["Grid:Journal:Enabled"] = "false";
        await using (var old = await HostProcess.StartAsync(wholeRecords))
        {
            var client = new Accounts.AccountsClient(old.Channel);
            await using var engine = new EngineStream(new PreTrade.PreTradeClient(old.Engine));
            foreach (var a in accounts)
            {
                await client.DepositAsync(new DepositRequest { AccountId = a, Asset = "USD", Amount = Dec(1_000_000), RequestId = $"fund-{a}" });
                Assert.Equal(Decision.Accept, (await engine.Send(Check(0, a, $"{a}-resting", "BTC-PERP", Side.Buy, 0.01m, 60_000))).Decision.Decision);
            }

            before = await ClusterDigest.Of(old, accounts);
            old.Kill();
        }

        await using var silo = await HostProcess.StartAsync(SiloCluster.Settings(redis, clusterId, seed: false));
        Assert.Equal(before, await ClusterDigest.Of(silo, accounts));

        var journaled = new Accounts.AccountsClient(silo.Channel);
        foreach (var a in accounts)
        {
            await journaled.DepositAsync(new DepositRequest { AccountId = a, Asset = "USD", Amount = Dec(5), RequestId = $"more-{a}" });
        }

        var changed = await ClusterDigest.Of(silo, accounts);
        Assert.NotEqual(before, changed);
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            Assert.True(await connection.GetDatabase().HashExistsAsync("grid-service/journal/account/migrate-0", "snapshot"), "the first journaled write starts the journal with a snapshot");
        }

        silo.Kill();
        await silo.RestartAsync();
        Assert.Equal(changed, await ClusterDigest.Of(silo, accounts));
    }
}

using System.Text;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using StackExchange.Redis;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Cluster;

/// <summary>
/// The index of accounts by venue (ListReservations by venue_id) is stored in Redis with the account's
/// first order of the venue, and serves the listing again after the silo is killed and restarted.
/// </summary>
[Collection(ClusterTests.Name)]
public sealed class VenueIndexDurabilityTests
{
    [RedisFact]
    public async Task AVenueIndexEntry_IsInRedisBeforeTheAck_AndSurvivesASiloRestart()
    {
        await using var cluster = await SiloCluster.StartAsync(1);
        var silo = cluster.Silos[0];
        await new Accounts.AccountsClient(silo.Channel).DepositAsync(new DepositRequest { AccountId = "venue-keep-0", Asset = "USD", Amount = Dec(1_000_000), RequestId = "fund-venue-keep-0" });
        await using (var engine = new EngineStream(new PreTrade.PreTradeClient(silo.Engine)))
        {
            Assert.Equal(Decision.Accept, (await engine.Send(Check(0, "venue-keep-0", "kept", "BTC-PERP", Side.Buy, 0.01m, 59_000))).Decision.Decision);
        }

        silo.Kill();
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.ConnectionString))
        {
            Assert.True(await StoredUnder(connection, "*venue-accounts*test-engine*", "venue-keep-0"), "the venue's index holds the account in Redis");
        }

        await silo.RestartAsync();
        var listed = await new PreTrade.PreTradeClient(silo.Engine).ListReservationsAsync(new ListReservationsRequest { VenueId = "test-engine" }, deadline: DateTime.UtcNow.AddSeconds(30));

        var kept = Assert.Single(listed.Reservations, r => r.AccountId == "venue-keep-0");
        Assert.Equal(("kept", "test-engine"), (kept.ClientOrderId, kept.VenueId));
    }

    // Whatever the storage's layout (a string or a hash per grain), the account id is in the stored bytes.
    private static async Task<bool> StoredUnder(ConnectionMultiplexer connection, string pattern, string accountId)
    {
        var db = connection.GetDatabase();
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        await foreach (var key in server.KeysAsync(pattern: pattern))
        {
            var values = await db.KeyTypeAsync(key) == RedisType.Hash
                ? (await db.HashGetAllAsync(key)).Select(e => e.Value)
                : [await db.StringGetAsync(key)];
            if (values.Any(v => v.HasValue && Encoding.UTF8.GetString((byte[])v!).Contains(accountId, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}

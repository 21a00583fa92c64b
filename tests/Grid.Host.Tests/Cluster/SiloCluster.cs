using Grid.Host.Tests.Infrastructure;

namespace Grid.Host.Tests.Cluster;

/// <summary>N silo processes in Redis mode against one private Redis: the first seeds the demo market.</summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private SiloCluster(RedisServer redis, List<HostProcess> silos)
    {
        Redis = redis;
        Silos = silos;
    }

    public RedisServer Redis { get; }

    public List<HostProcess> Silos { get; }

    /// <summary>Starts Redis and <paramref name="silos"/> silos, each with <see cref="Settings"/> and then <paramref name="extra"/>.</summary>
    public static async Task<SiloCluster> StartAsync(int silos, IReadOnlyDictionary<string, string>? extra = null)
    {
        var redis = new RedisServer();
        await redis.StartAsync();
        var clusterId = $"c{Guid.NewGuid():N}"[..12];
        var list = new List<HostProcess>();
        try
        {
            for (var i = 0; i < silos; i++)
            {
                var settings = Settings(redis, clusterId, seed: i == 0);
                foreach (var (key, value) in extra ?? new Dictionary<string, string>())
                {
                    settings[key] = value;
                }

                list.Add(await HostProcess.StartAsync(settings));
            }
        }
        catch
        {
            // The caller never gets a cluster to dispose: stop what started, or it runs on and loads the tests after.
            await new SiloCluster(redis, list).DisposeAsync();
            throw;
        }

        return new SiloCluster(redis, list);
    }

    public static Dictionary<string, string> Settings(RedisServer redis, string clusterId, bool seed) => new()
    {
        ["Grid:Host:Mode"] = "Redis",
        ["Grid:Host:RedisConnectionString"] = redis.ConnectionString,
        ["Grid:Host:ClusterId"] = clusterId,
        ["Grid:Host:SeedDemo"] = seed ? "true" : "false",
        ["Grid:Host:FastFailover"] = "true",
        ["Logging:LogLevel:Grid"] = "Information",
        ["Logging:Console:TimestampFormat"] = "HH:mm:ss.fff ",
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var s in Silos)
        {
            await s.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}

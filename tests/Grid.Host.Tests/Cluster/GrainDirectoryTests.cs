using Grid.Host.Tests.Infrastructure;

namespace Grid.Host.Tests.Cluster;

/// <summary>
/// Grid:Host:GrainDirectory reaches Orleans (read back from the silo logs: the distributed directory logs its
/// views, Orleans logs the range lease), and with the distributed directory a kill -9 of one silo of three
/// loses nothing, doubles nothing, and leaves the survivors' own activations alone.
/// </summary>
[Collection(ClusterTests.Name)]
public sealed class GrainDirectoryTests
{
    private const string DeactivatedForDirectory = "LocalGrainDirectory is deactivating";
    private const string DistributedView = "Updated view from";

    [RedisFact]
    public async Task TheDirectory_IsLocalByDefault_AndDistributedWhenAsked()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        await using var local = await HostProcess.StartAsync(Logged(SiloCluster.Settings(redis, $"l{Guid.NewGuid():N}"[..12], seed: true)));
        var settings = Logged(SiloCluster.Settings(redis, $"d{Guid.NewGuid():N}"[..12], seed: true));
        settings["Grid:Host:GrainDirectory"] = "Distributed";
        await using var distributed = await HostProcess.StartAsync(settings);

        Assert.DoesNotContain(DistributedView, local.Output, StringComparison.Ordinal);
        Assert.Equal("00:00:30", RangeLease(local.Output));
        Assert.Contains(DistributedView, distributed.Output, StringComparison.Ordinal);
        Assert.Equal("00:00:00", RangeLease(distributed.Output));
    }

    [RedisFact]
    public async Task Distributed_KillNineOfThreeSilos_SurvivorsKeepTheirActivations_NothingLostOrDoubled()
    {
        var settings = Logged([]);
        settings["Grid:Host:GrainDirectory"] = "Distributed";
        await using var cluster = await SiloCluster.StartAsync(3, settings);

        // Funded through each silo in turn: every silo hosts accounts (they are placed where first called).
        var accounts = new List<string>();
        for (var s = 0; s < 3; s++)
        {
            accounts.AddRange(await DurabilityTests.Funded(cluster.Silos[s], $"dir{s}", 6));
        }

        await using var engine = new ResilientEngine(cluster.Silos);
        await engine.ConnectAsync(1);
        var killed = false;
        await Workload.RunAsync(engine, accounts, DurabilityTests.Orders, async done =>
        {
            if (!killed && done >= accounts.Count * DurabilityTests.Orders)
            {
                killed = true;
                cluster.Silos[1].Kill();
            }

            await Task.CompletedTask;
        });

        Assert.True(killed);
        foreach (var survivor in new[] { cluster.Silos[0], cluster.Silos[2] })
        {
            await DurabilityTests.AssertEveryChangeOnce(survivor, accounts);
            Assert.Contains(DistributedView, survivor.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(DeactivatedForDirectory, survivor.Output, StringComparison.Ordinal);
        }
    }

    // Orleans logs its options at start, at Information; the distributed directory logs each view at Debug and the
    // local directory its deactivations at Information (the test host logs warnings only by default).
    private static Dictionary<string, string> Logged(Dictionary<string, string> settings) => new(settings)
    {
        ["Logging:LogLevel:Orleans.Runtime.SiloOptionsLogger"] = "Information",
        ["Logging:LogLevel:Orleans.Runtime.GrainDirectory"] = "Debug",
    };

    // RangeLeaseDuration from the "Configuration Orleans.Configuration.GrainDirectoryOptions:" block.
    private static string RangeLease(string output)
    {
        var block = output[output.IndexOf("Configuration Orleans.Configuration.GrainDirectoryOptions:", StringComparison.Ordinal)..];
        const string key = "RangeLeaseDuration: ";
        var start = block.IndexOf(key, StringComparison.Ordinal) + key.Length;
        return block[start..block.IndexOf('\n', start)].Trim();
    }
}

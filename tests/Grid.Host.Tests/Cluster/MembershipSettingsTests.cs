using Grid.Host.Tests.Infrastructure;

namespace Grid.Host.Tests.Cluster;

/// <summary>
/// Grid:Host:ConnectionLivenessCheck reaches Orleans' membership options (read back from the options
/// Orleans logs at start): on by default with fast failover, off when asked; fast failover's timings stay.
/// A Grid:Host:Membership setting overrides fast failover's (here one more missed probe).
/// </summary>
[Collection(ClusterTests.Name)]
public sealed class MembershipSettingsTests
{
    [RedisFact]
    public async Task LivenessCheck_StaysOnByDefault_AndTurnsOffWhenAsked()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var clusterId = $"m{Guid.NewGuid():N}"[..12];
        await using var fast = await HostProcess.StartAsync(Logged(SiloCluster.Settings(redis, clusterId, seed: true)));
        var off = Logged(SiloCluster.Settings(redis, clusterId, seed: false));
        off["Grid:Host:ConnectionLivenessCheck"] = "false";
        off["Grid:Host:Membership:NumMissedProbesLimit"] = "3";
        await using var withoutCheck = await HostProcess.StartAsync(off);

        Assert.Equal(("True", "00:00:01"), Membership(fast.Output));
        Assert.Equal(("False", "00:00:01"), Membership(withoutCheck.Output));
        Assert.Equal("2", Setting(fast.Output, "NumMissedProbesLimit: "));
        Assert.Equal("3", Setting(withoutCheck.Output, "NumMissedProbesLimit: "));
    }

    // Orleans logs its options at start, at Information (the test host logs warnings only by default).
    private static Dictionary<string, string> Logged(Dictionary<string, string> settings)
        => new(settings) { ["Logging:LogLevel:Orleans.Runtime.SiloOptionsLogger"] = "Information" };

    // EnableConnectionLivenessCheck and ProbeTimeout from the "Configuration Orleans.Configuration.ClusterMembershipOptions:" block.
    private static (string Liveness, string Probe) Membership(string output)
        => (Setting(output, "EnableConnectionLivenessCheck: "), Setting(output, "ProbeTimeout: "));

    private static string Setting(string output, string key)
        => Value(output[output.IndexOf("Configuration Orleans.Configuration.ClusterMembershipOptions:", StringComparison.Ordinal)..], key);

    private static string Value(string block, string key)
    {
        var start = block.IndexOf(key, StringComparison.Ordinal) + key.Length;
        return block[start..block.IndexOf('\n', start)].Trim();
    }
}

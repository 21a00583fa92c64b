using Grid.Host.Hosting;
using Orleans.Configuration;

namespace Grid.Host.Tests.Hosting;

/// <summary>Failure detection as configured: Orleans' defaults, fast failover's timings, and the liveness check on or off.</summary>
public sealed class MembershipSettingsTests
{
    private static ClusterMembershipOptions Applied(GridHostOptions options)
    {
        var membership = new ClusterMembershipOptions();
        SiloTopology.Membership(options, membership);
        return membership;
    }

    [Fact]
    public void Defaults_KeepOrleansTimings_AndTheLivenessCheck()
    {
        var defaults = new ClusterMembershipOptions();
        var applied = Applied(new GridHostOptions());

        Assert.Equal(defaults.ProbeTimeout, applied.ProbeTimeout);
        Assert.Equal(defaults.NumMissedProbesLimit, applied.NumMissedProbesLimit);
        Assert.True(applied.EnableConnectionLivenessCheck);
    }

    [Fact]
    public void FastFailover_ProbesEverySecond_AndOneVoteEvicts_StillWithTheLivenessCheck()
    {
        var applied = Applied(new GridHostOptions { FastFailover = true });

        Assert.Equal(TimeSpan.FromSeconds(1), applied.ProbeTimeout);
        Assert.Equal(2, applied.NumMissedProbesLimit);
        Assert.Equal(1, applied.NumVotesForDeathDeclaration);
        Assert.Equal(TimeSpan.FromSeconds(2), applied.TableRefreshTimeout);
        Assert.True(applied.EnableConnectionLivenessCheck);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LivenessCheck_CanBeTurnedOff_WithOrWithoutFastFailover(bool fast)
        => Assert.False(Applied(new GridHostOptions { FastFailover = fast, ConnectionLivenessCheck = false }).EnableConnectionLivenessCheck);
}

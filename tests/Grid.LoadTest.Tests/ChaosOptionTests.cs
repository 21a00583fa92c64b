using Grid.LoadTest.Chaos;
using Grid.LoadTest.Options;

namespace Grid.LoadTest.Tests;

/// <summary>--chaos KIND@T parses, and a chaos run that cannot work is refused with a usage error.</summary>
public sealed class ChaosOptionTests
{
    private static readonly string[] Host = ["--start-host", "src/Grid.Host"];

    [Theory]
    [InlineData("kill-silo@10", FaultKind.KillSilo, 10.0)]
    [InlineData("hang-silo@7.5s", FaultKind.HangSilo, 7.5)]
    [InlineData("restart-redis@0", FaultKind.RestartRedis, 0.0)]
    public void Plan_IsReadFromKindAtSeconds(string text, FaultKind kind, double seconds)
    {
        var plan = ChaosPlan.Parse(text);

        Assert.Equal(kind, plan.Kind);
        Assert.Equal(TimeSpan.FromSeconds(seconds), plan.At);
    }

    [Theory]
    [InlineData("kill-silo")]
    [InlineData("@10")]
    [InlineData("kill-silo@")]
    [InlineData("kill@10")]
    [InlineData("kill-silo@-1")]
    [InlineData("kill-silo@soon")]
    [InlineData("kill-silo@NaN")]
    public void MalformedPlan_IsAFormatError(string text)
        => Assert.Throws<FormatException>(() => ChaosPlan.Parse(text));

    [Fact]
    public void ChaosOptions_AreRead_WithTheirDefaults()
    {
        var options = ArgumentParser.Parse([.. Host, "--chaos", "hang-silo@8", "--stall-timeout", "0.5"]);

        Assert.Equal(new ChaosPlan(FaultKind.HangSilo, TimeSpan.FromSeconds(8)), options.Chaos);
        Assert.Equal(3, options.Silos);
        Assert.Equal("redis-server", options.RedisServer);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.StallTimeout);
        Assert.Equal("hang-silo@8s", options.Chaos!.ToString());
    }

    [Fact]
    public void NoChaos_ByDefault()
        => Assert.Null(ArgumentParser.Parse([]).Chaos);

    [Fact]
    public void Chaos_NeedsAHostToStart()
        => Assert.Contains("--start-host", Assert.Throws<UsageException>(() => ArgumentParser.Parse(["--chaos", "kill-silo@5"])).Message);

    [Fact]
    public void SiloFault_NeedsASurvivor_ButARedisRestartDoesNot()
    {
        Assert.Contains("--silos 2", Assert.Throws<UsageException>(() => ArgumentParser.Parse([.. Host, "--chaos", "kill-silo@5", "--silos", "1"])).Message);
        Assert.Equal(1, ArgumentParser.Parse([.. Host, "--chaos", "restart-redis@5", "--silos", "1"]).Silos);
    }

    [Fact]
    public void Fault_MustFallInsideTheMeasuredPhase()
        => Assert.Contains("--duration", Assert.Throws<UsageException>(() => ArgumentParser.Parse([.. Host, "--chaos", "kill-silo@20", "--duration", "20"])).Message);

    [Theory]
    [InlineData("--chaos", "explode@3")]
    [InlineData("--stall-timeout", "0")]
    [InlineData("--silos", "0")]
    public void BadValue_NamesItsFlag(string flag, string value)
        => Assert.StartsWith($"{flag} {value}:", Assert.Throws<UsageException>(() => ArgumentParser.Parse([.. Host, flag, value])).Message);
}

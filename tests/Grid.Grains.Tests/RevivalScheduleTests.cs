using Grid.Grains.Monitoring;

namespace Grid.Grains.Tests;

/// <summary>
/// A silo that dies soon after another is woken together with the earlier one: accounts woken from the earlier
/// silo that had not yet claimed their new one are still named for the earlier silo at the registry.
/// </summary>
public sealed class RevivalScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ANewDeadSilo_IsWokenOnce_AndRepeatedSnapshotsWakeNothing()
    {
        var schedule = new RevivalSchedule(TimeSpan.FromMinutes(2));
        Assert.Equal(["a"], schedule.OnDeadSilos(["a"], Start));
        Assert.Empty(schedule.OnDeadSilos(["a"], Start.AddSeconds(1)));
        Assert.Empty(schedule.OnDeadSilos([], Start.AddSeconds(2)));
    }

    [Fact]
    public void ASecondDeathWithinTheWindow_WakesTheFirstSiloAgain()
    {
        var schedule = new RevivalSchedule(TimeSpan.FromMinutes(2));
        schedule.OnDeadSilos(["a"], Start);
        var wake = schedule.OnDeadSilos(["a", "b"], Start.AddSeconds(1.5));
        Assert.Equal(["a", "b"], wake.Order());
    }

    [Fact]
    public void ASecondDeathAfterTheWindow_WakesOnlyTheNewSilo()
    {
        var schedule = new RevivalSchedule(TimeSpan.FromMinutes(2));
        schedule.OnDeadSilos(["a"], Start);
        Assert.Equal(["b"], schedule.OnDeadSilos(["a", "b"], Start.AddMinutes(3)));
    }

    [Fact]
    public void SilosDeadAtStart_AreAllWoken()
    {
        var schedule = new RevivalSchedule(TimeSpan.FromMinutes(2));
        Assert.Equal(["a", "b", "c"], schedule.OnDeadSilos(["a", "b", "c"], Start).Order());
    }
}

using Google.Protobuf.WellKnownTypes;
using Grid.Cli.Text;

namespace Grid.Cli.Tests;

/// <summary>Instants print in UTC ISO 8601; ages print compactly.</summary>
public sealed class TimeTextTests
{
    [Fact]
    public void Instant_PrintsUtcToTheMillisecond()
    {
        var at = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 25, 9, 0, 0, 125, TimeSpan.FromHours(1)));

        Assert.Equal("2026-12-25T08:00:00.125Z", TimeText.Instant(at));
        Assert.Equal("08:00:00.125Z", TimeText.TimeOfDay(at));
    }

    [Theory]
    [InlineData(0.85, "850ms")]
    [InlineData(12.44, "12.4s")]
    [InlineData(185, "3m05s")]
    [InlineData(7800, "2h10m")]
    public void Age_PicksAUnit(double seconds, string expected)
    {
        Assert.Equal(expected, TimeText.Age(Duration.FromTimeSpan(TimeSpan.FromSeconds(seconds))));
    }

    [Fact]
    public void Unset_IsADash()
    {
        Assert.Equal("-", TimeText.Instant((Timestamp?)null));
        Assert.Equal("-", TimeText.Age(null));
    }
}

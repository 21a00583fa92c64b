using Google.Protobuf.WellKnownTypes;
using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Xunit;

namespace Grid.Gateway.Tests.Conversion;

public sealed class WireTimeTests
{
    [Fact]
    public void FromAndTo_Instant_RoundTrips()
    {
        var at = new DateTimeOffset(2026, 11, 25, 10, 30, 15, TimeSpan.Zero).AddTicks(1234567);

        Assert.Equal(at, WireTime.ToDateTimeOffset(WireTime.From(at), "at"));
    }

    [Fact]
    public void FromOptional_Default_IsUnset()
    {
        Assert.Null(WireTime.FromOptional(default));
        Assert.NotNull(WireTime.FromOptional(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void ToDateTimeOffset_Missing_NamesTheField()
    {
        var e = Assert.Throws<InvalidFieldException>(() => WireTime.ToDateTimeOffset(null, "observed_at"));

        Assert.Equal("observed_at", e.Field);
    }

    [Theory]
    [InlineData(253_402_300_800L, 0)]
    [InlineData(-62_135_596_801L, 0)]
    [InlineData(0L, -1)]
    [InlineData(0L, 1_000_000_000)]
    public void ToDateTimeOffset_OutOfRange_NamesTheField(long seconds, int nanos)
    {
        var e = Assert.Throws<InvalidFieldException>(() => WireTime.ToDateTimeOffset(new Timestamp { Seconds = seconds, Nanos = nanos }, "forward.expiry"));

        Assert.Equal("forward.expiry", e.Field);
    }

    [Fact]
    public void Age_ClockAhead_IsZero()
    {
        var now = DateTimeOffset.UnixEpoch;

        Assert.Equal(TimeSpan.Zero, WireTime.Age(now.AddSeconds(5), now).ToTimeSpan());
        Assert.Equal(TimeSpan.FromSeconds(5), WireTime.Age(now, now.AddSeconds(5)).ToTimeSpan());
    }
}

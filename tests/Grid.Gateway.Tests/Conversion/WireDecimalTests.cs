using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Xunit;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Conversion;

public sealed class WireDecimalTests
{
    public static TheoryData<string, long, int> Pairs => new()
    {
        { "0", 0, 0 },
        { "1.5", 1, 500_000_000 },
        { "-1.5", -1, -500_000_000 },
        { "-0.5", 0, -500_000_000 },
        { "0.000000001", 0, 1 },
        { "-0.000000001", 0, -1 },
        { "123456789.123456789", 123_456_789, 123_456_789 },
        { "1000000000000000", 1_000_000_000_000_000, 0 },
        { "9223372036854775807.999999999", long.MaxValue, 999_999_999 },
        { "-9223372036854775808.999999999", long.MinValue, -999_999_999 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void FromAndToDecimal_ExactValues_RoundTrip(string text, long units, int nanos)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var wire = WireDecimal.From(value);

        Assert.Equal(units, wire.Units);
        Assert.Equal(nanos, wire.Nanos);
        Assert.Equal(value, WireDecimal.ToDecimal(wire, "x"));
    }

    [Theory]
    [InlineData("0.0000000015", 0, 2)]
    [InlineData("-0.0000000015", 0, -2)]
    [InlineData("2.1234567894", 2, 123_456_789)]
    public void From_MoreThanNinePlaces_RoundsHalfAwayFromZero(string text, long units, int nanos)
    {
        var wire = WireDecimal.From(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(units, wire.Units);
        Assert.Equal(nanos, wire.Nanos);
    }

    [Fact]
    public void From_BeyondTheWire_IsWrittenAtTheWiresExtreme()
    {
        Assert.Equal(long.MaxValue, WireDecimal.From(10_000_000_000_000_000_000m).Units);
        Assert.Equal(999_999_999, WireDecimal.From(10_000_000_000_000_000_000m).Nanos);
        Assert.Equal(long.MinValue, WireDecimal.From(-79_000_000_000_000_000_000_000_000_000m).Units);
        Assert.Equal(-999_999_999, WireDecimal.From(-79_000_000_000_000_000_000_000_000_000m).Nanos);
    }

    [Theory]
    [InlineData(0, 1_000_000_000)]
    [InlineData(0, -1_000_000_000)]
    [InlineData(5, int.MaxValue)]
    [InlineData(-5, int.MinValue)]
    public void ToDecimal_NanosOutOfRange_NamesTheField(long units, int nanos)
    {
        var e = Assert.Throws<InvalidFieldException>(() => WireDecimal.ToDecimal(new Wire.Decimal { Units = units, Nanos = nanos }, "check.qty"));

        Assert.Equal(Wire.ErrorCode.InvalidField, e.Code);
        Assert.Equal("check.qty", e.Field);
        Assert.Contains("nanos", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, -1)]
    [InlineData(-1, 1)]
    public void ToDecimal_MixedSigns_NamesTheField(long units, int nanos)
    {
        var e = Assert.Throws<InvalidFieldException>(() => WireDecimal.ToDecimal(new Wire.Decimal { Units = units, Nanos = nanos }, "filled.fee"));

        Assert.Equal("filled.fee", e.Field);
        Assert.Contains("signs", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e19)]
    public void FromDouble_NotRepresentable_IsUnset(double value)
    {
        Assert.Null(WireDecimal.From(value));
    }

    [Fact]
    public void FromDouble_Ratio_KeepsFifteenDigits()
    {
        var wire = WireDecimal.From(-0.16);

        Assert.NotNull(wire);
        Assert.Equal(-0.16m, WireDecimal.ToDecimal(wire, "shock"));
    }
}

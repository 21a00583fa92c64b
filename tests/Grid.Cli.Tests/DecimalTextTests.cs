using Grid.Cli.Text;
using ProtoDecimal = Grid.Api.V1.Decimal;

namespace Grid.Cli.Tests;

/// <summary>User text to the wire Decimal and back is exact, and anything not plainly a number is refused.</summary>
public sealed class DecimalTextTests
{
    [Theory]
    [InlineData("0.000000001", 0L, 1)]
    [InlineData("-12.5", -12L, -500_000_000)]
    [InlineData("12345678901234.123456789", 12_345_678_901_234L, 123_456_789)]
    [InlineData("60000", 60_000L, 0)]
    [InlineData("-0.75", 0L, -750_000_000)]
    [InlineData("999999999999999999.999999999", 999_999_999_999_999_999L, 999_999_999)]
    public void Parse_PlainNumber_GivesExactUnitsAndNanos(string text, long units, int nanos)
    {
        Assert.True(DecimalText.TryParse(text, out var value, out _));

        Assert.Equal(new ProtoDecimal { Units = units, Nanos = nanos }, DecimalText.ToProto(value));
    }

    [Theory]
    [InlineData("0.000000001")]
    [InlineData("-12.5")]
    [InlineData("12345678901234.123456789")]
    [InlineData("60000")]
    [InlineData("0")]
    [InlineData("-999999999999999999.999999999")]
    public void RoundTrip_TextToProtoToText_IsIdentical(string text)
    {
        Assert.True(DecimalText.TryParse(text, out var value, out _));

        Assert.Equal(text, DecimalText.Plain(DecimalText.ToProto(value)));
    }

    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("007", "7")]
    [InlineData("2.000000000", "2")]
    public void RoundTrip_RedundantZeros_AreDropped(string text, string expected)
    {
        Assert.True(DecimalText.TryParse(text, out var value, out _));

        Assert.Equal(expected, DecimalText.Plain(DecimalText.ToProto(value)));
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("1E-3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("1,5")]
    [InlineData("1,000")]
    [InlineData("+3")]
    [InlineData(" 3")]
    [InlineData("3 ")]
    [InlineData("3\n")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("0x10")]
    [InlineData("1_000")]
    [InlineData("--1")]
    [InlineData("١٢")]
    public void Parse_NotAPlainNumber_IsRefused(string text)
    {
        Assert.False(DecimalText.TryParse(text, out _, out var error));
        Assert.Contains("plain decimal number", error);
    }

    [Fact]
    public void Parse_TenDecimals_IsRefusedRatherThanRounded()
    {
        Assert.False(DecimalText.TryParse("0.0000000001", out _, out var error));
        Assert.Equal("at most 9 decimal places", error);
    }

    [Fact]
    public void Parse_BeyondInt64Units_IsRefused()
    {
        Assert.False(DecimalText.TryParse("9223372036854775808", out _, out var error));
        Assert.StartsWith("too large", error);
    }

    [Theory]
    [InlineData(1, 500_000_000, "1.5")]
    [InlineData(-1, -500_000_000, "-1.5")]
    [InlineData(0, -1, "-0.000000001")]
    [InlineData(long.MaxValue, 999_999_999, "9223372036854775807.999999999")]
    public void FromProto_AnyWireValue_IsExact(long units, int nanos, string expected)
    {
        Assert.Equal(expected, DecimalText.Plain(new ProtoDecimal { Units = units, Nanos = nanos }));
    }

    [Theory]
    [InlineData("1234.5", "1,234.50")]
    [InlineData("0", "0.00")]
    [InlineData("-1234567.891", "-1,234,567.891")]
    [InlineData("0.000000001", "0.000000001")]
    [InlineData("12345678901234.123456789", "12,345,678,901,234.123456789")]
    public void Money_KeepsEveryDigitWithSeparatorsAndCents(string text, string expected)
    {
        Assert.True(DecimalText.TryParse(text, out var value, out _));

        Assert.Equal(expected, DecimalText.Money(DecimalText.ToProto(value)));
    }

    [Fact]
    public void Format_Unset_IsADash()
    {
        Assert.Equal("-", DecimalText.Money((ProtoDecimal?)null));
        Assert.Equal("-", DecimalText.Plain((ProtoDecimal?)null));
        Assert.Equal("-", DecimalText.Percent(null));
    }

    [Fact]
    public void Percent_PrintsTheFigureAsSent()
    {
        Assert.Equal("37.5%", DecimalText.Percent(new ProtoDecimal { Units = 37, Nanos = 500_000_000 }));
    }
}

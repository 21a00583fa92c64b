using Grid.Gateway.Validation;
using Xunit;
using static Grid.Gateway.Tests.Fakes.Engine;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Validation;

public sealed class RequestFieldsTests
{
    [Fact]
    public void Key_Empty_IsMalformed()
    {
        var e = Assert.Throws<InvalidFieldException>(() => RequestFields.Key("", "request_id"));

        Assert.Equal(Wire.ErrorCode.Malformed, e.Code);
        Assert.Equal("request_id", e.Field);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("tab\t")]
    [InlineData("nul\0")]
    [InlineData("\ud83d\ude00")]
    public void Key_Unprintable_IsInvalidField(string value)
    {
        var e = Assert.Throws<InvalidFieldException>(() => RequestFields.Key(value, "account_id"));

        Assert.Equal(Wire.ErrorCode.InvalidField, e.Code);
        Assert.Equal("account_id", e.Field);
    }

    [Fact]
    public void Id_Longer128_IsInvalidField()
    {
        Assert.Equal(new string('a', 128), RequestFields.Id(new string('a', 128), "asset"));
        var e = Assert.Throws<InvalidFieldException>(() => RequestFields.Id(new string('a', 129), "asset"));

        Assert.Equal("asset", e.Field);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    [InlineData(1_000_000_000_000_001, 0)]
    public void Positive_OutOfRange_NamesTheField(long units, int nanos)
    {
        var e = Assert.Throws<InvalidFieldException>(() => RequestFields.Positive(Dec(units, nanos), "amount"));

        Assert.Equal("amount", e.Field);
    }

    [Fact]
    public void Positive_Missing_NamesTheField()
        => Assert.Equal("amount", Assert.Throws<InvalidFieldException>(() => RequestFields.Positive(null, "amount")).Field);

    [Fact]
    public void Positive_UpToTheBound_IsAccepted()
    {
        Assert.Equal(1_000_000_000_000_000m, RequestFields.Positive(Dec(1_000_000_000_000_000), "amount"));
        Assert.Equal(0.000000001m, RequestFields.Positive(Dec(0, 1), "amount"));
    }

    [Fact]
    public void NonNegative_UnsetIsZero_NegativeIsRefused()
    {
        Assert.Equal(0m, RequestFields.NonNegative(null, "canceled.qty"));
        Assert.Equal("canceled.qty", Assert.Throws<InvalidFieldException>(() => RequestFields.NonNegative(Dec(-1), "canceled.qty")).Field);
    }

    [Fact]
    public void Signed_Rebate_IsAccepted()
        => Assert.Equal(-0.25m, RequestFields.Signed(Dec(0, -250_000_000), "filled.fee"));

    [Fact]
    public void OrderAmount_NonPositive_IsAnInvalidOrder_ButMalformedDecimalIsAFieldError()
    {
        Assert.Equal("check.qty", Assert.Throws<InvalidOrderException>(() => RequestFields.OrderAmount(Dec(0), "check.qty")).Field);
        Assert.Equal("check.qty", Assert.Throws<InvalidOrderException>(() => RequestFields.OrderAmount(null, "check.qty")).Field);
        Assert.Equal("check.qty", Assert.Throws<InvalidFieldException>(() => RequestFields.OrderAmount(Dec(1, -1), "check.qty")).Field);
    }

    [Fact]
    public void Side_Unspecified_NamesTheField()
    {
        Assert.Equal("filled.side", Assert.Throws<InvalidFieldException>(() => RequestFields.Side(Wire.Side.Unspecified, "filled.side")).Field);
        Assert.Equal("check.side", Assert.Throws<InvalidOrderException>(() => RequestFields.OrderSide((Wire.Side)9, "check.side")).Field);
    }

    [Fact]
    public void Text_BlankOrControl_NamesTheField()
    {
        Assert.Equal("reason", Assert.Throws<InvalidFieldException>(() => RequestFields.Text("  ", "reason")).Field);
        Assert.Equal("reason", Assert.Throws<InvalidFieldException>(() => RequestFields.Text("a\u0007b", "reason")).Field);
        Assert.Equal("market open", RequestFields.Text("market open", "reason"));
    }
}

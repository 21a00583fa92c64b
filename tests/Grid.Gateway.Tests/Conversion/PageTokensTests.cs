using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Xunit;

namespace Grid.Gateway.Tests.Conversion;

public sealed class PageTokensTests
{
    [Theory]
    [InlineData("")]
    [InlineData("3:ord-17")]
    [InlineData("BTC-30D-60000-C")]
    public void EncodeDecode_Cursor_RoundTrips(string cursor)
        => Assert.Equal(cursor, PageTokens.Decode(PageTokens.Encode(cursor), "page_token"));

    [Fact]
    public void Decode_NotBase64_NamesTheField()
    {
        var e = Assert.Throws<InvalidFieldException>(() => PageTokens.Decode("***", "page_token"));

        Assert.Equal("page_token", e.Field);
    }

    [Theory]
    [InlineData(0u, 100)]
    [InlineData(7u, 7)]
    [InlineData(20_000u, 5000)]
    public void PageSize_ZeroOrLarge_TakesDefaultOrCap(uint requested, int expected)
        => Assert.Equal(expected, PageTokens.PageSize(requested, 100, 5000));
}

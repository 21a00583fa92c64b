using Grid.LoadTest.Options;

namespace Grid.LoadTest.Tests;

/// <summary>The live-market options parse, and a bad value gets a usage error naming its flag.</summary>
public sealed class ArgumentParserTests
{
    [Fact]
    public void Defaults_AreAStillMarketWithoutMarketMakers()
    {
        var options = ArgumentParser.Parse([]);

        Assert.Null(options.Prices);
        Assert.Equal(AccountProfile.Default, options.Profile);
        Assert.False(options.LiveMarket);
        Assert.Equal(0, options.MarketMakerCount);
        Assert.Equal("grid-dev-marketdata", options.MarketDataKey);
        Assert.Null(options.ServerMetrics);
    }

    [Fact]
    public void LiveMarketOptions_AreRead()
    {
        var options = ArgumentParser.Parse(
        [
            "--prices", "50", "--profile", "market-maker", "--market-makers", "3", "--quote-share", "0.25",
            "--marketdata-key", "feed-key", "--server-metrics", "http://127.0.0.1:9000/metrics",
        ]);

        Assert.Equal(50, options.Prices);
        Assert.Equal(AccountProfile.MarketMaker, options.Profile);
        Assert.True(options.LiveMarket);
        Assert.Equal(3, options.MarketMakerCount);
        Assert.Equal(0.25, options.QuoteShare);
        Assert.Equal("feed-key", options.MarketDataKey);
        Assert.Equal(new Uri("http://127.0.0.1:9000/metrics"), options.ServerMetrics);
    }

    [Fact]
    public void MarketMakers_DefaultToTwoPerStream_OnlyWithTheProfile()
    {
        Assert.Equal(6, ArgumentParser.Parse(["--profile", "market-maker", "--streams", "3"]).MarketMakerCount);
        Assert.Equal(0, ArgumentParser.Parse(["--market-makers", "5"]).MarketMakerCount);
    }

    [Fact]
    public void Prices_AloneMakeALiveMarket_AndTheProfileAloneToo()
    {
        Assert.True(ArgumentParser.Parse(["--prices", "0.5"]).LiveMarket);
        Assert.True(ArgumentParser.Parse(["--profile", "market-maker"]).LiveMarket);
        Assert.False(ArgumentParser.Parse(["--profile", "default"]).LiveMarket);
    }

    [Theory]
    [InlineData("--prices", "0")]
    [InlineData("--prices", "-5")]
    [InlineData("--prices", "fast")]
    [InlineData("--prices", "NaN")]
    [InlineData("--prices", "Infinity")]
    [InlineData("--profile", "hedge-fund")]
    [InlineData("--profile", "")]
    [InlineData("--market-makers", "0")]
    [InlineData("--market-makers", "two")]
    [InlineData("--quote-share", "1.5")]
    [InlineData("--quote-share", "-0.1")]
    [InlineData("--quote-share", "half")]
    [InlineData("--server-metrics", "ftp://host/metrics")]
    [InlineData("--server-metrics", "metrics")]
    public void BadValue_NamesTheFlagAndTheValue(string flag, string value)
    {
        var e = Assert.Throws<UsageException>(() => ArgumentParser.Parse([flag, value]));

        Assert.StartsWith($"{flag} {value}:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--prices")]
    [InlineData("--profile")]
    [InlineData("--market-makers")]
    [InlineData("--quote-share")]
    [InlineData("--marketdata-key")]
    [InlineData("--server-metrics")]
    public void MissingValue_NamesTheFlag(string flag)
    {
        var e = Assert.Throws<UsageException>(() => ArgumentParser.Parse([flag]));

        Assert.Equal($"{flag} needs a value", e.Message);
    }

    [Fact]
    public void BadProfile_SaysWhichProfilesExist()
    {
        var e = Assert.Throws<UsageException>(() => ArgumentParser.Parse(["--profile", "mm"]));

        Assert.Contains("default or market-maker", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_IsNamed()
    {
        var e = Assert.Throws<UsageException>(() => ArgumentParser.Parse(["--price", "50"]));

        Assert.Contains("'--price'", e.Message, StringComparison.Ordinal);
    }
}

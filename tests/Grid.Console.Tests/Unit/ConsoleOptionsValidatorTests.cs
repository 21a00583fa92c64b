namespace Grid.Console.Tests.Unit;

public sealed class ConsoleOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.True(new ConsoleOptionsValidator().Validate(null, new ConsoleOptions()).Succeeded);

    [Theory]
    [InlineData(0, 10_000, "AccountsShown")]
    [InlineData(100, 50, "MaxAccountsScanned")]
    [InlineData(50, 2_000_000, "MaxAccountsScanned")]
    public void OutOfRange_IsRefused_NamingTheSetting(int shown, int scanned, string setting)
    {
        var result = new ConsoleOptionsValidator().Validate(null, new ConsoleOptions { AccountsShown = shown, MaxAccountsScanned = scanned });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains($"Grid:Console:{setting}", StringComparison.Ordinal));
    }

    [Fact]
    public void NegativeCacheTime_IsRefused()
        => Assert.True(new ConsoleOptionsValidator().Validate(null, new ConsoleOptions { OverviewCacheTime = TimeSpan.FromSeconds(-1) }).Failed);
}

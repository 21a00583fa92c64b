using Grid.Grains.Journal;

namespace Grid.Grains.Tests.Journal;

public sealed class JournalOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.True(new JournalOptionsValidator().Validate(null, new JournalOptions()).Succeeded);

    [Theory]
    [InlineData(0, 512, "SnapshotEvery")]
    [InlineData(2_000_000, 512, "SnapshotEvery")]
    [InlineData(1_000, 0, "MaxBatch")]
    [InlineData(1_000, 20_000, "MaxBatch")]
    public void OutOfRange_IsRefused_NamingTheSetting(int snapshotEvery, int maxBatch, string setting)
    {
        var result = new JournalOptionsValidator().Validate(null, new JournalOptions { SnapshotEvery = snapshotEvery, MaxBatch = maxBatch });
        Assert.True(result.Failed);
        Assert.Contains($"Grid:Journal:{setting}", result.FailureMessage, StringComparison.Ordinal);
    }
}

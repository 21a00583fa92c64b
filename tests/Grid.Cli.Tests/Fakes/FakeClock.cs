namespace Grid.Cli.Tests.Fakes;

/// <summary>A clock that always reads the same instant.</summary>
internal sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

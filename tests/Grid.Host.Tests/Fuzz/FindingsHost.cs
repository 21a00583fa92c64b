using Grid.Host.Tests.Infrastructure;

namespace Grid.Host.Tests.Fuzz;

/// <summary>A host of its own for the reproductions of fuzz findings (they leave accounts no listing can read).</summary>
public sealed class FindingsHost : IAsyncLifetime
{
    public HostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await HostProcess.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

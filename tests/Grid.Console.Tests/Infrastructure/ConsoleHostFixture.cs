using System.Net;

namespace Grid.Console.Tests.Infrastructure;

/// <summary>
/// A real host with the demo market whose HTTP port serves the console. Fails at once, saying what
/// to do, when the host does not map the console.
/// </summary>
public sealed class ConsoleHostFixture : IAsyncLifetime
{
    public HostProcess Host { get; private set; } = null!;

    /// <summary>An HTTP client for the console (base address: its root, so "api/overview" works).</summary>
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await HostProcess.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(Host.ConsoleUrl), Timeout = TimeSpan.FromSeconds(30) };
        var page = await Http.GetAsync("");
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(
                $"the host answered {(int)page.StatusCode} at {Host.ConsoleUrl}: src/Grid.Host must serve the console " +
                "(builder.Services.AddGridConsole(builder.Configuration) in AddGridHost, app.MapGridConsole().RequireHost(http) in MapGridHost)");
        }
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}

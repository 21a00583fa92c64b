namespace Grid.Console.Tests.Browser;

/// <summary>One headless browser per test class.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public Chromium Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
    }
}

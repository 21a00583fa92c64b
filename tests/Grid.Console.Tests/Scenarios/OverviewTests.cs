using Grid.Console.Tests.Browser;
using Grid.Console.Tests.Infrastructure;

namespace Grid.Console.Tests.Scenarios;

/// <summary>Ops open the console: accounts by state, the one in margin call first, checks/s and reject reasons, prices.</summary>
[Collection(ConsoleHost.Name)]
public sealed class OverviewTests(ConsoleHostFixture grid, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Rows = "[data-testid=accounts-table] tr[data-account]";

    [Fact]
    public async Task Overview_ShowsTheDemoAccounts_TheMarginCallFirst()
    {
        await using var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(grid.Host.ConsoleUrl);
        await page.WaitForSelectorAsync(Rows, "the account list");

        var accounts = await page.EvaluateAsync<string[]>($"[...document.querySelectorAll('{Rows}')].map(r => r.dataset.account)");
        Assert.Equal("demo-margin-call", accounts[0]);
        Assert.Subset(accounts.ToHashSet(), new HashSet<string>(["demo-mm", "demo-hedged", "demo-trader", "demo-margin-call"]));
        Assert.Equal("reduce_only", await page.EvaluateAsync<string>($"document.querySelector('{Rows}').dataset.state"));
        Assert.Equal("Reduce-only", await page.TextAsync($"{Rows} .badge"));
        Assert.Equal("1", await page.EvaluateAsync<string>("document.querySelector('[data-testid=state-count][data-state=reduce_only]').dataset.count"));

        // The BTC perp's mark with thousands separators, and how old it is (seconds, or minutes when the
        // shared host published its prices more than a minute ago on a slow CI machine).
        await page.WaitForAsync("/^\\d+ (s|min)$/.test(document.querySelector('tr[data-instrument=\"BTC-PERP\"] .age')?.textContent ?? '')", "the BTC-PERP price age");
        Assert.Equal("60,000", await page.TextAsync("tr[data-instrument=\"BTC-PERP\"] .price"));
        Assert.Equal("live", await page.EvaluateAsync<string>("document.querySelector('[data-testid=live]').dataset.state"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Overview_ShowsChecksPerSecondAndRejectReasons_WhileEnginesSendOrders()
    {
        await using var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(grid.Host.ConsoleUrl);
        await page.WaitForSelectorAsync(Rows, "the account list");

        var (checks, rejects) = await EngineTraffic.Run(grid.Host, TimeSpan.FromSeconds(6));
        Assert.True(rejects > 0 && checks > rejects, $"{checks} checks, {rejects} rejects");

        await page.WaitForAsync("Number(document.querySelector('[data-testid=checks-rate]')?.dataset.value) > 0", "checks/s above zero");
        await page.WaitForSelectorAsync("[data-testid=reasons] li[data-reason=insufficient_margin]", "the insufficient-margin reason");
        await page.WaitForSelectorAsync("[data-testid=reasons] li[data-reason=reduce_only]", "the reduce-only reason");
        await page.WaitForSelectorAsync($"tr[data-account={EngineTraffic.Account}]", "the engine's account in the list");
        await page.ScreenshotAsync(Screenshots.PathOf("console-overview"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Overview_OpensAnAccount_WhenItsRowIsClicked()
    {
        await using var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(grid.Host.ConsoleUrl);
        await page.WaitForSelectorAsync($"{Rows}[data-account=demo-hedged]", "demo-hedged in the list");

        await page.ClickAsync($"{Rows}[data-account=demo-hedged] td:nth-child(3)");

        await page.WaitForSelectorAsync("[data-testid=account-page][data-account=demo-hedged] [data-gauge=equity][data-value]", "demo-hedged's page");
        Assert.Equal("#/account/demo-hedged", await page.EvaluateAsync<string>("location.hash"));
        Assert.Empty(page.Errors);
    }
}

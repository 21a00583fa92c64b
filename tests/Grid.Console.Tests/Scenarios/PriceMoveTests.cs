using System.Globalization;
using Grid.Api.V1;
using Grid.Console.Tests.Browser;
using Grid.Console.Tests.Infrastructure;

namespace Grid.Console.Tests.Scenarios;

/// <summary>The market moves while the page is open: the gauges follow without a reload.</summary>
[Collection(PriceMoveHost.Name)]
public sealed class PriceMoveTests(ConsoleHostFixture grid, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task PriceMove_ChangesTheGauges_WithoutReload()
    {
        await using var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{grid.Host.ConsoleUrl}#/account/demo-margin-call");
        await page.WaitForSelectorAsync("[data-gauge=equity][data-value]", "the gauges");
        await page.WaitForAsync("document.querySelector('[data-testid=live]').dataset.state === 'live'", "the live stream");
        Assert.Equal(85_000m, await Gauge(page, "equity"));
        var mm = await Gauge(page, "mm");
        await page.EvaluateAsync<bool>("(window.stillTheSamePage = true)");

        // In margin call only reducing orders pass: an engine rests a sell, and the page shows it.
        Assert.Equal(Decision.AcceptRiskReducing, await EngineTraffic.Place(grid.Host, "demo-margin-call", "reduce-2", Side.Sell, 2, 60_500m));
        await page.WaitForSelectorAsync("[data-testid=orders-table] tr[data-order=reduce-2]", "the resting sell among the open orders");

        // Long 10 BTC-PERP from 60,000 on 85,000 USD: at 58,000 equity is 65,000, below MM.
        await Market.Mark(grid.Host, "BTC-PERP", 58_000m);

        await page.WaitForAsync("document.querySelector('[data-gauge=equity]').dataset.value === '65000'", "equity to fall to 65,000");
        Assert.True(await page.EvaluateAsync<bool>("window.stillTheSamePage === true"), "the page reloaded");
        Assert.True(await Gauge(page, "mm") < mm, "MM should fall with the mark");
        Assert.Equal("$65,000", await page.TextAsync("[data-gauge=equity] .gauge-value"));
        await page.WaitForAsync("document.querySelector('[data-testid=account-state]').dataset.state === 'liquidate'", "the state to become Liquidate");

        // Entering liquidation cancels the resting orders: the liquidation engine takes over.
        await page.WaitForAsync("!document.querySelector('[data-testid=orders-table] tr[data-order]')", "the resting order to be cancelled");
        await page.ScreenshotAsync(Screenshots.PathOf("console-price-move"));

        // Back on the overview, the account counts as Liquidate and still leads the list.
        await page.ClickAsync(".account-head .back");
        await page.WaitForAsync("document.querySelector('[data-testid=state-count][data-state=liquidate]')?.dataset.count === '1'", "one account in Liquidate");
        Assert.Equal("liquidate", await page.EvaluateAsync<string>("document.querySelector('[data-testid=accounts-table] tr[data-account]').dataset.state"));
        await page.WaitForSelectorAsync("[data-testid=events] li[data-account=demo-margin-call]", "the liquidation among the risk events");
        Assert.Contains("1 order cancelled", await page.EvaluateAsync<string>("[...document.querySelectorAll('[data-testid=events] li')].map(li => li.textContent).join(' | ')"));
        Assert.Empty(page.Errors);
    }

    private static async Task<decimal> Gauge(BrowserPage page, string gauge)
        => decimal.Parse(await page.EvaluateAsync<string>($"document.querySelector('[data-gauge={gauge}]').dataset.value"), CultureInfo.InvariantCulture);
}

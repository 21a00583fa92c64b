using System.Globalization;
using Grid.Console.Tests.Browser;
using Grid.Console.Tests.Infrastructure;

namespace Grid.Console.Tests.Scenarios;

/// <summary>
/// A market maker margins a portfolio that is not an account: starts from the example, sees the breakdown,
/// heatmaps, silos and stress, edits a position in place and tries an order; a bad document names its JSON path.
/// </summary>
[Collection(ConsoleHost.Name)]
public sealed class SimulatorTests(ConsoleHostFixture grid, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Simulator_MarginsEditsAndDecides_WithoutAnAccount()
    {
        await using var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{grid.Host.ConsoleUrl}#/simulator");
        await page.WaitForSelectorAsync("[data-testid=simulator-page]", "the Simulator page");

        await page.ClickAsync("[data-testid=sim-example]");
        await page.WaitForSelectorAsync("[data-testid=sim-result][data-im]", "the example's figures");
        var im = await Im(page);
        Assert.True(im > 0);
        Assert.Contains("live", await page.TextAsync("[data-testid=sim-basis]"));
        Assert.True(await page.EvaluateAsync<double>("document.querySelectorAll('[data-testid=sim-result] [data-testid=heatmap]').length") >= 2);
        Assert.True(await page.EvaluateAsync<double>("document.querySelectorAll('[data-testid=sim-result] .hm-cell.worst').length") >= 2);
        Assert.Equal(6, await page.EvaluateAsync<double>("document.querySelectorAll('[data-testid=sim-stress] tbody tr').length"));
        Assert.True(await page.EvaluateAsync<double>("Number(document.querySelector('[data-testid=saving]').dataset.usd)") > 0);

        // Three times the BTC long: the IM rises, without pressing anything.
        await page.TypeAsync("[data-testid=sim-qty][data-index='0']", "9");
        await page.WaitForAsync($"Number(document.querySelector('[data-testid=sim-result]').dataset.im) > {im.ToString(CultureInfo.InvariantCulture)}", "the IM of the edited portfolio");
        Assert.Contains("\"qty\": 9", await page.EvaluateAsync<string>("document.querySelector('[data-testid=sim-document]').value"));

        await page.TypeAsync("[data-testid=sim-order] input[name=instrument]", "BTC-PERP");
        await page.TypeAsync("[data-testid=sim-order] input[name=qty]", "1");
        await page.TypeAsync("[data-testid=sim-order] input[name=price]", "60000");
        await page.ClickAsync("[data-testid=sim-run]");
        await page.WaitForSelectorAsync("[data-testid=sim-decision][data-decision]", "the candidate order's decision");
        Assert.Equal("accept", await page.EvaluateAsync<string>("document.querySelector('[data-testid=sim-decision]').dataset.decision"));
        Assert.Contains("max size", await page.TextAsync("[data-testid=sim-decision]"));
        await page.ScreenshotAsync(Screenshots.PathOf("console-simulator"));
        Assert.Empty(page.Errors);

        await page.EvaluateAsync<bool>("(document.querySelector('[data-testid=sim-document]').value = '{\"balances\": {\"USD\": 1}, \"positions\": [{\"instrument\": \"BTC-PERP\", \"qty\": \"lots\"}]}', true)");
        await page.ClickAsync("[data-testid=sim-run]");
        await page.WaitForSelectorAsync("[data-testid=sim-message][data-problem=true]", "the refusal");
        Assert.StartsWith("positions[0].qty:", await page.TextAsync("[data-testid=sim-message]"));

        // The browser logs the refused call's 400 itself; nothing else went wrong.
        Assert.All(page.Errors, e => Assert.Contains("status of 400", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Simulator_DeepLink_OpensThePage()
    {
        await using var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{grid.Host.ConsoleUrl}simulator");
        await page.WaitForSelectorAsync("[data-testid=simulator-page]", "the Simulator page from its deep link");
        Assert.Equal("Simulator · Margin Grid", await page.EvaluateAsync<string>("document.title"));
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('[data-testid=nav-simulator]').classList.contains('active')"));
        Assert.Empty(page.Errors);
    }

    private static async Task<decimal> Im(BrowserPage page)
        => decimal.Parse(await page.EvaluateAsync<string>("document.querySelector('[data-testid=sim-result]').dataset.im"), CultureInfo.InvariantCulture);
}

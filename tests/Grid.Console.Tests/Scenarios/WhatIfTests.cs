using System.Globalization;
using System.Text.Json;
using Grid.Console.Tests.Browser;
using Grid.Console.Tests.Infrastructure;

namespace Grid.Console.Tests.Scenarios;

/// <summary>A trader enters an order and sees what it would do before sending it; nothing is reserved.</summary>
[Collection(ConsoleHost.Name)]
public sealed class WhatIfTests(ConsoleHostFixture grid, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task WhatIf_ShowsTheDecisionAndProjectsTheGauges_WithoutReserving()
    {
        var before = await Portfolio("demo-hedged");
        await using var page = await Open("demo-hedged");

        await page.TypeAsync("[data-testid=whatif-form] input[name=instrument]", "BTC-PERP");
        await page.ClickAsync("[data-testid=whatif-form] .seg.sell");
        await page.ClickAsync("[data-testid=whatif-form] .seg.buy");
        await page.TypeAsync("[data-testid=whatif-form] input[name=qty]", "5");
        await page.ClickAsync("[data-testid=whatif-form] button[name=evaluate]");

        await page.WaitForSelectorAsync("[data-testid=whatif-result][data-decision]", "the what-if decision");
        Assert.Equal("accept", await page.EvaluateAsync<string>("document.querySelector('[data-testid=whatif-result]').dataset.decision"));
        Assert.Contains("buy 5 BTC-PERP @ 60,000", await page.TextAsync("[data-testid=whatif-result]"));
        foreach (var gauge in new[] { "equity", "im", "mm", "available" })
        {
            await page.WaitForSelectorAsync($"[data-gauge={gauge}][data-projected]", $"the {gauge} gauge's projected value");
        }

        // Buying more BTC on top of the long raises IM and lowers what is available.
        var im = Number(await page.EvaluateAsync<string>("document.querySelector('[data-gauge=im]').dataset.value"));
        var imAfter = Number(await page.EvaluateAsync<string>("document.querySelector('[data-gauge=im]').dataset.projected"));
        Assert.True(imAfter > im, $"IM after {imAfter} should be above {im}");
        var available = Number(await page.EvaluateAsync<string>("document.querySelector('[data-gauge=available]').dataset.value"));
        var availableAfter = Number(await page.EvaluateAsync<string>("document.querySelector('[data-gauge=available]').dataset.projected"));
        Assert.True(availableAfter < available, $"available after {availableAfter} should be below {available}");
        await page.ScreenshotAsync(Screenshots.PathOf("console-what-if"));

        var after = await Portfolio("demo-hedged");
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
        Assert.Equal(0, after.GetProperty("orders").GetArrayLength());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task WhatIf_InMarginCall_ARiskIncreasingOrderIsRejectedReduceOnly()
    {
        await using var page = await Open("demo-margin-call");

        await page.TypeAsync("[data-testid=whatif-form] input[name=instrument]", "BTC-PERP");
        await page.TypeAsync("[data-testid=whatif-form] input[name=qty]", "1");
        await page.PressEnterAsync();

        await page.WaitForSelectorAsync("[data-testid=whatif-result][data-decision]", "the what-if decision");
        Assert.Equal("reject", await page.EvaluateAsync<string>("document.querySelector('[data-testid=whatif-result]').dataset.decision"));
        Assert.Equal("Reduce only", await page.TextAsync("[data-testid=whatif-result] .reason"));
        Assert.True(Number(await page.EvaluateAsync<string>("document.querySelector('[data-gauge=available]').dataset.projected")) < 0);

        await page.ClickAsync("[data-testid=whatif-form] button.ghost");
        await page.WaitForAsync("!document.querySelector('[data-gauge=im]').dataset.projected", "the projection to clear");
        Assert.Empty(page.Errors);
    }

    private static decimal Number(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private async Task<BrowserPage> Open(string id)
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{grid.Host.ConsoleUrl}#/account/{id}");
        await page.WaitForSelectorAsync($"[data-testid=account-page][data-account={id}] [data-gauge=equity][data-value]", $"{id}'s page");
        return page;
    }

    private async Task<JsonElement> Portfolio(string id)
        => JsonDocument.Parse(await grid.Http.GetStringAsync($"api/accounts/{id}")).RootElement;
}

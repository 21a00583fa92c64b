using System.Globalization;
using System.Net;
using System.Text.Json;
using Grid.Console.Tests.Browser;
using Grid.Console.Tests.Infrastructure;

namespace Grid.Console.Tests.Scenarios;

/// <summary>A market maker opens an account: gauges, groups, heatmaps with the worst scenario, siloed vs cross, holdings.</summary>
[Collection(ConsoleHost.Name)]
public sealed class AccountPageTests(ConsoleHostFixture grid, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task AccountPage_ShowsGaugesGroupsSavingAndHoldings()
    {
        await using var page = await OpenAccount("demo-hedged");
        var api = await Account("demo-hedged");

        // Equity moves a little with option time value: compare within a dollar per thousand.
        var figures = api.GetProperty("figures");
        foreach (var (gauge, field) in new[] { ("equity", "equity"), ("im", "initialMargin"), ("mm", "maintenanceMargin"), ("available", "available") })
        {
            var shown = decimal.Parse(await page.EvaluateAsync<string>($"document.querySelector('[data-gauge={gauge}]').dataset.value"), CultureInfo.InvariantCulture);
            var expected = figures.GetProperty(field).GetDecimal();
            Assert.True(Math.Abs(shown - expected) <= Math.Max(1m, Math.Abs(expected) / 1000), $"{gauge}: shown {shown}, API {expected}");
        }

        Assert.Matches(@"^\$\d{1,3}(,\d{3})+$", await page.TextAsync("[data-gauge=equity] .gauge-value"));
        var groups = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('[data-testid=groups-table] tr[data-group]')].map(r => r.dataset.group)");
        Assert.Equal(["BTC", "ETH", "SPX"], groups);
        var saving = decimal.Parse(await page.EvaluateAsync<string>("document.querySelector('[data-testid=saving]').dataset.usd"), CultureInfo.InvariantCulture);
        Assert.Equal(api.GetProperty("comparison").GetProperty("savingUsd").GetDecimal(), saving);
        Assert.Contains("saved by cross-margining", await page.TextAsync("[data-testid=saving]"));
        var positions = await page.EvaluateAsync<int>("document.querySelectorAll('[data-testid=positions-table] tbody tr').length");
        Assert.Equal(4, positions);
        await page.ScreenshotAsync(Screenshots.PathOf("console-account"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Heatmaps_MarkTheScenarioThatSetsEachGroupsScan()
    {
        await using var page = await OpenAccount("demo-mm");
        var api = await Account("demo-mm");

        foreach (var group in api.GetProperty("groups").EnumerateArray())
        {
            var name = group.GetProperty("group").GetString();
            var map = $"[data-testid=heatmap][data-group={name}]";
            await page.WaitForSelectorAsync(map, $"the {name} heatmap");
            Assert.Equal(1, await page.EvaluateAsync<int>($"document.querySelectorAll('{map} .hm-cell.worst').length"));
            Assert.Equal(group.GetProperty("worstScenario").GetInt32(), await page.EvaluateAsync<int>($"Number(document.querySelector('{map} .hm-cell.worst').dataset.scenario)"));
            Assert.Equal("WORST", await page.TextAsync($"{map} .hm-cell.worst .hm-flag"));

            // Crypto: 9 price shocks across, vol up / same / down, then the extended moves.
            Assert.Equal(27, await page.EvaluateAsync<int>($"document.querySelectorAll('{map} .hm-scroll .hm-cell').length"));
            Assert.Equal(["up", "same", "down"], await page.EvaluateAsync<string[]>($"[...document.querySelectorAll('{map} tbody tr[data-vol]')].map(r => r.dataset.vol)"));
        }

        // Losses are red, gains green.
        var colors = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('[data-group=ETH] .hm-cell[data-pnl]')].filter(c => Math.abs(Number(c.dataset.pnl)) > 10000)" +
            ".map(c => (Number(c.dataset.pnl) < 0 ? 'loss ' : 'gain ') + getComputedStyle(c).backgroundColor)");
        Assert.NotEmpty(colors);
        foreach (var c in colors)
        {
            var rgb = c[(c.IndexOf('(') + 1)..c.IndexOf(')')].Split(',').Select(x => int.Parse(x.Trim(), CultureInfo.InvariantCulture)).ToArray();
            Assert.True(c.StartsWith("loss", StringComparison.Ordinal) ? rgb[0] > rgb[1] : rgb[1] > rgb[0], c);
        }

        await page.ScreenshotAsync(Screenshots.PathOf("console-heatmaps"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task DeepLink_OpensTheAccountPage()
    {
        await using var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{grid.Host.ConsoleUrl}account/demo-trader");
        await page.WaitForSelectorAsync("[data-testid=account-page][data-account=demo-trader] [data-gauge=equity][data-value]", "demo-trader's page");
        Assert.Equal("ok", await page.EvaluateAsync<string>("document.querySelector('[data-testid=account-state]').dataset.state"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task UnknownAccount_SaysItIsNotKnown()
    {
        await using var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{grid.Host.ConsoleUrl}#/account/nobody-here");
        await page.WaitForSelectorAsync("[data-testid=account-missing]", "the not-found message");
        Assert.Contains("not known", await page.TextAsync("[data-testid=account-missing]"));
    }

    private async Task<BrowserPage> OpenAccount(string id)
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{grid.Host.ConsoleUrl}#/account/{id}");
        await page.WaitForSelectorAsync($"[data-testid=account-page][data-account={id}] [data-gauge=equity][data-value]", $"{id}'s gauges");
        await page.WaitForSelectorAsync("[data-testid=heatmap]", $"{id}'s heatmaps");
        return page;
    }

    private async Task<JsonElement> Account(string id)
    {
        var response = await grid.Http.GetAsync($"api/accounts/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}

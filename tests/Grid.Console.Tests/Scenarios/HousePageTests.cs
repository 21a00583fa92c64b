using System.Text.Json;
using System.Text.Json.Nodes;
using Grid.Api.V1;
using Grid.Console.Tests.Browser;
using Grid.Console.Tests.Infrastructure;

namespace Grid.Console.Tests.Scenarios;

/// <summary>
/// A risk officer opens House risk: per stress scenario the total deficit against the fund and
/// Cover-2 with its coverage gauge, the top accounts linked to their pages, credits by pair with the
/// house without them, and the last rulebook dry run's impact.
/// </summary>
[Collection(ConsoleHost.Name)]
public sealed class HousePageTests(ConsoleHostFixture grid, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task HouseRisk_ShowsEveryScenarioAgainstTheFund_TheTopAccounts_TheCredits_AndTheLastDryRun()
    {
        var admin = new Admin.AdminClient(grid.Host.Admin);
        var run = await admin.RunHouseRiskAsync(new RunHouseRiskRequest());
        var current = JsonNode.Parse((await admin.GetRulebookAsync(new GetRulebookRequest())).Json)!.AsObject();
        current["version"] = "console-dry-run";
        current["groups"]!["BTC"]!["range"] = 0.3;
        var dry = await admin.LoadRulebookAsync(new LoadRulebookRequest { Json = current.ToJsonString(), DryRun = true });

        await using var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(grid.Host.ConsoleUrl + "#/house");
        await page.WaitForSelectorAsync("[data-testid=dry-run][data-candidate=console-dry-run] [data-testid=largest] tr[data-account]", "the dry run's largest increases");
        await page.WaitForSelectorAsync("[data-testid=scenarios] [data-scenario] [data-gauge=cover2][data-value]", "the scenarios' Cover-2 gauges");

        // One card per scenario, each Cover-2 as the grid computed it, the worst one's top accounts first.
        var cards = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('[data-testid=scenarios] [data-scenario]')].map(c => c.dataset.scenario)");
        Assert.Equal(run.Scenarios.Select(s => s.Scenario), cards);
        var api = JsonDocument.Parse(await grid.Http.GetStringAsync("api/house")).RootElement.GetProperty("run");
        foreach (var s in api.GetProperty("scenarios").EnumerateArray())
        {
            var name = s.GetProperty("name").GetString()!;
            var shown = await page.EvaluateAsync<double>($"Number(document.querySelector('[data-scenario=\"{name}\"]').dataset.cover2)");
            Assert.Equal(s.GetProperty("cover2").GetDouble(), shown);
        }

        var crash = run.Scenarios.Single(s => s.Scenario == run.WorstScenario);
        Assert.Equal("demo-margin-call", crash.TopAccounts[0].AccountId);
        Assert.Equal("demo-margin-call", await page.EvaluateAsync<string>("document.querySelector('[data-testid=top-accounts] tr[data-account]').dataset.account"));
        Assert.Equal("true", await page.EvaluateAsync<string>($"document.querySelector('[data-scenario=\"{run.WorstScenario}\"]').dataset.covered"));
        await page.WaitForSelectorAsync("[data-testid=pairs] tr[data-pair=\"BTC/ETH\"]", "the BTC/ETH credit");
        Assert.True(await page.EvaluateAsync<double>("Number(document.querySelector('[data-testid=im-without-credits]').dataset.value)") > 0);
        Assert.Equal("within the guard", await page.TextAsync("[data-testid=verdict]"));
        Assert.True(await page.EvaluateAsync<double>("Number(document.querySelector('[data-testid=im-change]').dataset.value)") > 0);
        Assert.Equal(dry.Impact.LargestIncreases[0].AccountId, await page.EvaluateAsync<string>("document.querySelector('[data-testid=largest] tr[data-account]').dataset.account"));
        await page.ScreenshotAsync(Screenshots.PathOf("console-house"));

        // A top account opens its page.
        await page.ClickAsync("[data-testid=top-accounts] tr[data-account=demo-margin-call] a");
        await page.WaitForSelectorAsync("[data-testid=account-page][data-account=demo-margin-call] [data-gauge=equity][data-value]", "demo-margin-call's page");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task TheHousePage_HasItsDeepLink_AndItsApiAnswersTheRunAndTheDryRun()
    {
        using var http = new HttpClient { BaseAddress = new Uri(grid.Host.ConsoleUrl) };
        var deep = await http.GetAsync("house");
        Assert.Equal(System.Net.HttpStatusCode.OK, deep.StatusCode);
        Assert.Contains("app.js", await deep.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var house = JsonDocument.Parse(await grid.Http.GetStringAsync("api/house")).RootElement;
        Assert.True(house.TryGetProperty("run", out _) && house.TryGetProperty("dryRun", out _));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grid.Console.Tests.Infrastructure;

namespace Grid.Console.Tests.Api;

/// <summary>The console's JSON API against a real host (no browser needed).</summary>
[Collection(ConsoleHost.Name)]
public sealed class ConsoleApiTests(ConsoleHostFixture grid)
{
    [Fact]
    public async Task Overview_CountsStates_AndListsTheMarginCallFirst()
    {
        var overview = await Get("api/overview");

        var accounts = overview.GetProperty("accounts").EnumerateArray().ToList();
        var first = accounts[0];
        Assert.Equal(("demo-margin-call", "reduce_only"), (first.GetProperty("id").GetString(), first.GetProperty("state").GetString()));
        Assert.Equal(76_800m / 85_000m, (decimal)first.GetProperty("marginRatio").GetDouble(), 5);
        Assert.Subset(accounts.Select(a => a.GetProperty("id").GetString()!).ToHashSet(), new HashSet<string>(["demo-mm", "demo-hedged", "demo-trader", "demo-margin-call"]));
        var states = overview.GetProperty("states");
        Assert.Equal(accounts.Count, new[] { "ok", "reduceOnly", "liquidate", "bankrupt" }.Sum(s => states.GetProperty(s).GetInt32()));
        Assert.True(states.GetProperty("reduceOnly").GetInt32() >= 1);
        Assert.Contains(overview.GetProperty("events").EnumerateArray(), e => e.GetProperty("accountId").GetString() == "demo-margin-call" && e.GetProperty("state").GetString() == "reduce_only");
    }

    [Fact]
    public async Task Account_GroupsCarryTheirScenarioHeatmaps()
    {
        var mm = await Get("api/accounts/demo-mm");
        var btc = Group(mm, "BTC");
        var map = btc.GetProperty("heatmap");
        Assert.Equal("grid", map.GetProperty("layout").GetString());
        Assert.Equal(9, map.GetProperty("shocks").GetArrayLength());
        Assert.Equal(["up", "same", "down"], map.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("vol").GetString()));
        Assert.True(map.GetProperty("extended").GetArrayLength() > 0);
        Assert.Equal(btc.GetProperty("worstScenario").GetInt32(), map.GetProperty("worst").GetInt32());

        var hedged = await Get("api/accounts/demo-hedged");
        var spx = Group(hedged, "SPX").GetProperty("heatmap");
        Assert.Equal("points", spx.GetProperty("layout").GetString());
        Assert.Equal(10, spx.GetProperty("shocks").GetArrayLength());
        var comparison = hedged.GetProperty("comparison");
        Assert.True(comparison.GetProperty("savingUsd").GetDecimal() > 0);
        var difference = comparison.GetProperty("siloedTotal").GetDecimal() - comparison.GetProperty("crossTotal").GetDecimal();
        Assert.True(Math.Abs(difference - comparison.GetProperty("savingUsd").GetDecimal()) <= 0.01m, "saving = siloed − cross, to the cent");
        Assert.Equal(4, hedged.GetProperty("positions").GetArrayLength());
    }

    [Fact]
    public async Task Account_NeverSeen_IsNotFound()
    {
        var response = await grid.Http.GetAsync("api/accounts/never-funded");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not known", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WhatIf_AnswersWithoutReserving_AtTheMarkWhenNoPrice()
    {
        var before = await Get("api/accounts/demo-hedged");

        var view = await PostWhatIf("demo-hedged", new { instrumentId = "BTC-PERP", side = "buy", qty = 1 });

        Assert.Equal(HttpStatusCode.OK, view.Status);
        Assert.Equal("accept", view.Body.GetProperty("decision").GetString());
        Assert.Equal(60_000m, view.Body.GetProperty("price").GetDecimal());
        Assert.True(view.Body.GetProperty("imAfter").GetDecimal() > view.Body.GetProperty("imBefore").GetDecimal());
        var after = await Get("api/accounts/demo-hedged");
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
        Assert.Equal(0, after.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task WhatIf_InMarginCall_IsRejectedReduceOnly_WithTheShortfall()
    {
        var view = await PostWhatIf("demo-margin-call", new { instrumentId = "BTC-PERP", side = "buy", qty = 1, price = 60_000 });

        Assert.Equal(("reject", "reduce_only", "Reduce only"),
            (view.Body.GetProperty("decision").GetString(), view.Body.GetProperty("reason").GetString(), view.Body.GetProperty("reasonLabel").GetString()));
        Assert.True(view.Body.GetProperty("shortfall").GetDecimal() > 0);
    }

    [Theory]
    [InlineData("{\"instrumentId\":\"BTC-PERP\",\"side\":\"hold\",\"qty\":1}", "side")]
    [InlineData("{\"instrumentId\":\"BTC-PERP\",\"side\":\"buy\",\"qty\":0}", "qty")]
    [InlineData("{\"side\":\"buy\",\"qty\":1}", "instrumentId")]
    [InlineData("not json", "body")]
    public async Task WhatIf_BadOrders_AreRefusedNamingTheField(string body, string field)
    {
        var response = await grid.Http.PostAsync("api/accounts/demo-hedged/what-if", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith($"{field}:", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WhatIf_OnAnOptionWithoutPrice_AsksForOne()
    {
        var option = (await Get("api/market")).GetProperty("instruments").EnumerateArray().First(i => i.GetProperty("kind").GetString() == "option").GetProperty("id").GetString();

        var view = await PostWhatIf("demo-mm", new { instrumentId = option, side = "sell", qty = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, view.Status);
        Assert.Contains("give a price", view.Body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Market_ListsEachInstrumentsPriceAndItsTime()
    {
        var instruments = (await Get("api/market")).GetProperty("instruments").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);

        Assert.Equal((60_000m, "mark"), (instruments["BTC-PERP"].GetProperty("price").GetDecimal(), instruments["BTC-PERP"].GetProperty("priceSource").GetString()));
        Assert.Equal("index", instruments["SPY-STK"].GetProperty("priceSource").GetString());
        Assert.All(instruments.Values.Where(i => i.GetProperty("kind").GetString() == "option"), i => Assert.Equal("vol", i.GetProperty("priceSource").GetString()));
        Assert.All(instruments.Values, i => Assert.Equal(JsonValueKind.String, i.GetProperty("priceAt").ValueKind));
    }

    [Fact]
    public async Task Activity_CountsTheChecksEnginesSend_AndWhyTheyWereRejected()
    {
        var before = await Get("api/activity");

        var (checks, rejects) = await EngineTraffic.Run(grid.Host, TimeSpan.FromSeconds(1.5));
        await Task.Delay(TimeSpan.FromSeconds(1.1));

        var after = await Get("api/activity");
        Assert.Equal(checks, after.GetProperty("checksTotal").GetInt64() - before.GetProperty("checksTotal").GetInt64());
        Assert.Equal(rejects, after.GetProperty("rejectsTotal").GetInt64() - before.GetProperty("rejectsTotal").GetInt64());
        Assert.True(after.GetProperty("checksPerSecond").GetDouble() > 0);
        var reasons = after.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("insufficient_margin", reasons);
        Assert.Contains("reduce_only", reasons);
    }

    [Fact]
    public async Task Page_CarriesItsBaseAndAStrictPolicy_AndFilesRevalidate()
    {
        var page = await grid.Http.GetAsync("");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<base href=\"/console/\">", await page.Content.ReadAsStringAsync());
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());

        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var bare = await noRedirect.GetAsync($"http://127.0.0.1:{grid.Host.HttpPort}/console");
        Assert.Equal((HttpStatusCode.Redirect, "/console/"), (bare.StatusCode, bare.Headers.Location?.OriginalString));

        var script = await grid.Http.GetAsync("assets/js/app.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        using var again = new HttpRequestMessage(HttpMethod.Get, "assets/js/app.js");
        again.Headers.IfNoneMatch.Add(script.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await grid.Http.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Http.GetAsync("assets/js/missing.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.Http.GetAsync("account/demo-mm")).StatusCode);
    }

    private static JsonElement Group(JsonElement account, string name)
        => account.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == name);

    private async Task<JsonElement> Get(string path)
    {
        var response = await grid.Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostWhatIf(string account, object order)
    {
        var response = await grid.Http.PostAsJsonAsync($"api/accounts/{account}/what-if", order);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grid.Console.Tests.Infrastructure;

namespace Grid.Console.Tests.Api;

/// <summary>The Simulator's API (POST api/simulate) against a real host: live or given basis, refusals naming the JSON path.</summary>
[Collection(ConsoleHost.Name)]
public sealed class SimulatorApiTests(ConsoleHostFixture grid)
{
    private const string Hedged = """{"balances": {"USD": 400000}, "positions": [{"instrument": "BTC-PERP", "qty": 10, "entry": 60000}, {"instrument": "ETH-PERP", "qty": -200, "entry": 3000}]}""";

    [Fact]
    public async Task LivePortfolio_IsMargined_WithHeatmapsSilosStressAndWithoutCredits()
    {
        var (status, view) = await Post(new { document = Hedged });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("live", "live", "live"), (Text(view, "basis", "rulebook"), Text(view, "basis", "instruments"), Text(view, "basis", "market")));
        Assert.Equal("ok", view.GetProperty("figures").GetProperty("state").GetString());
        var groups = view.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()).ToList();
        Assert.Equal(["BTC", "ETH"], groups);
        Assert.Equal("grid", view.GetProperty("groups")[0].GetProperty("heatmap").GetProperty("layout").GetString());
        Assert.True(view.GetProperty("comparison").GetProperty("savingUsd").GetDecimal() > 0, "BTC long against ETH short saves margin cross-margined");
        Assert.Equal(6, view.GetProperty("stress").GetArrayLength());
        Assert.True(view.GetProperty("withoutCredits").GetProperty("initialMargin").GetDecimal() >= view.GetProperty("figures").GetProperty("initialMargin").GetDecimal());
        Assert.Equal(2, view.GetProperty("positions").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("order").ValueKind);
    }

    [Fact]
    public async Task CandidateOrder_IsDecided_AndSized()
    {
        var (status, view) = await Post(new { document = Hedged, order = new { instrumentId = "BTC-PERP", side = "sell", qty = 5, price = 60_000 } });

        Assert.Equal(HttpStatusCode.OK, status);
        var order = view.GetProperty("order");
        Assert.Equal("accept", order.GetProperty("decision").GetString());
        Assert.True(order.GetProperty("maxQty").GetDecimal() > 5);
        // A resting sell against the long is not the worse side: the order-inclusive IM does not rise.
        Assert.Equal(order.GetProperty("imBefore").GetDecimal(), order.GetProperty("imAfter").GetDecimal());
        Assert.Equal(view.GetProperty("figures").GetProperty("initialMargin").GetDecimal(), order.GetProperty("imBefore").GetDecimal());
    }

    [Fact]
    public async Task BadDocuments_AreRefused_NamingTheJsonPath()
    {
        var qty = await Post(new { document = """{"positions": [{"instrument": "BTC-PERP", "qty": "lots"}]}""" });
        var unknown = await Post(new { document = """{"balances": {"USD": 1}, "positions": [{"instrument": "NOPE", "qty": 1}]}""" });
        var notJson = await Post(new { document = "{nope" });
        var none = await Post(new { document = "" });

        Assert.Equal(HttpStatusCode.BadRequest, qty.Status);
        Assert.StartsWith("positions[0].qty:", Detail(qty.Body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.StartsWith("positions[0].instrument:", Detail(unknown.Body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.StartsWith("document:", Detail(notJson.Body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, none.Status);
    }

    [Fact]
    public async Task GivenMarket_IsUsedAsItIs()
    {
        const string document = """
            {"market": {"asOf": "2026-11-25T08:00:00Z", "index": {"BTC": 50000}, "marks": {"BTC-PERP": 50000}},
             "account": {"balances": {"USD": 100000}, "positions": [{"instrument": "BTC-PERP", "qty": 1, "entry": 60000}]}}
            """;
        var (status, view) = await Post(new { document });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("given", Text(view, "basis", "market"));
        Assert.Equal(90_000m, view.GetProperty("figures").GetProperty("equity").GetDecimal());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(object body)
    {
        var response = await grid.Http.PostAsJsonAsync("api/simulate", body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string Text(JsonElement e, string a, string b) => e.GetProperty(a).GetProperty(b).GetString()!;

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;
}

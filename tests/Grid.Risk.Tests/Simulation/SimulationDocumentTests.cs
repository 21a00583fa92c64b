using System.Text.Json.Nodes;
using Grid.Risk.Rulebooks;
using Grid.Risk.Simulation;

namespace Grid.Risk.Tests.Simulation;

/// <summary>The three document shapes, and every refusal naming the JSON path the caller wrote.</summary>
public sealed class SimulationDocumentTests
{
    private static readonly PortfolioSimulator Simulator = new();

    [Fact]
    public void Shapes_CaseWithoutWrapper_AndBareAccount_MarginTheSame()
    {
        var @case = ConformanceCase.Get("d0001");
        var root = JsonNode.Parse(@case.Json)!;
        var unwrapped = root["input"]!.DeepClone().AsObject();
        var bare = root["input"]!["account"]!.ToJsonString();

        var wrapped = SimulationDocument.Read(@case.Json, "document_json");
        var plain = SimulationDocument.Read(unwrapped.ToJsonString(), "document_json");
        var account = SimulationDocument.Read(bare, "document_json");

        Assert.Equal("input.account.positions[1].qty", wrapped.Paths.Position(1, HoldingField.Qty));
        Assert.Equal("account.positions[1].qty", plain.Paths.Position(1, HoldingField.Qty));
        Assert.Equal("positions[1].qty", account.Paths.Position(1, HoldingField.Qty));
        Assert.NotNull(wrapped.Order);
        Assert.Null(plain.Order);
        Assert.Null(account.Rulebook);
        Assert.Null(account.Market);

        var a = Simulator.Run(wrapped, null, null, SimulationFigures.None).Report;
        var b = Simulator.Run(plain, null, null, SimulationFigures.None).Report;
        var c = Simulator.Run(account with { Rulebook = wrapped.Rulebook, Instruments = wrapped.Instruments, Market = wrapped.Market }, null, null, SimulationFigures.None).Report;
        Assert.Equal(a.Im, b.Im);
        Assert.Equal(a.Im, c.Im);
        Assert.Equal(a.Ae, c.Ae);
    }

    [Theory]
    [InlineData("input.account.positions[1].qty", "\"lots\"")]
    [InlineData("input.account.positions[0].instrument", "null")]
    [InlineData("input.account.balances.USD", "\"a lot\"")]
    [InlineData("input.account.orders", "{}")]
    [InlineData("input.account.regime", "\"XM\"")]
    [InlineData("input.market.asOf", "\"yesterday\"")]
    [InlineData("input.market.index.BTC", "[1]")]
    [InlineData("input.market.index", "5")]
    [InlineData("input.instruments[2].kind", "\"swap\"")]
    [InlineData("input.rulebook.mmFraction", "\"high\"")]
    [InlineData("order.side", "\"hold\"")]
    public void BadField_IsRefused_NamingItsJsonPath(string path, string value)
    {
        var root = JsonNode.Parse(ConformanceCase.Get("d0001").Json)!;
        Set(root, path, JsonNode.Parse(value));
        var e = Assert.Throws<SimulationException>(() => SimulationDocument.Read(root.ToJsonString(), "document_json"));
        Assert.Equal(SimulationFault.InvalidField, e.Fault);
        Assert.Equal(path, e.Field);
        Assert.DoesNotContain("rulebook field", e.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(path + ":", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NotJson_IsRefused_NamingTheRequestFieldAndWhere()
    {
        var e = Assert.Throws<SimulationException>(() => SimulationDocument.Read("{\"input\": {\n  \"account\": [", "document_json"));
        Assert.Equal("document_json", e.Field);
        Assert.Contains("line 2", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingAccount_AndWrongShapes_AreRefused()
    {
        Assert.Equal("input.account", Assert.Throws<SimulationException>(() => SimulationDocument.Read("{\"input\": {\"market\": null}}", "d")).Field);
        Assert.Equal("account", Assert.Throws<SimulationException>(() => SimulationDocument.Read("{\"rulebook\": null, \"account\": null}", "d")).Field);
        Assert.Equal("$", Assert.Throws<SimulationException>(() => SimulationDocument.Read("[1, 2]", "d")).Field);
        Assert.Equal("input", Assert.Throws<SimulationException>(() => SimulationDocument.Read("{\"input\": 3}", "d")).Field);
    }

    [Fact]
    public void RulebookErrors_CarryTheRulebookPath()
    {
        var root = JsonNode.Parse(ConformanceCase.Get("d0001").Json)!;
        var group = root["input"]!["rulebook"]!["groups"]!.AsObject().First().Key;
        root["input"]!["rulebook"]!["groups"]![group]!["mmFraction"] = "x";
        root["input"]!["rulebook"]!["credits"] = new JsonArray(new JsonObject { ["groupA"] = "NOPE", ["groupB"] = group, ["rate"] = 0.5 });
        var e = Assert.Throws<SimulationException>(() => SimulationDocument.Read(root.ToJsonString(), "document_json"));
        Assert.StartsWith("input.rulebook.", e.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Rulebook_ReadAlone_PrefixesItsPath()
    {
        using var doc = SimulationDocument.Parse("{\"version\": \"x\", \"groups\": {}, \"assets\": {}, \"credits\": [], \"std\": 3}", "rulebook_json");
        var e = Assert.Throws<SimulationException>(() => SimulationDocument.Rulebook(doc.RootElement, "rulebook"));
        Assert.StartsWith("rulebook", e.Field, StringComparison.Ordinal);
        Assert.NotNull(Rulebook.Default);
    }

    // Sets a dotted path with [i] indexes in a JSON tree.
    internal static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = Step(node, parts[i]);
        }

        var last = parts[^1];
        if (last.StartsWith('['))
        {
            node.AsArray()[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            node.AsObject()[last] = value;
        }
    }

    private static JsonNode Step(JsonNode node, string part)
        => part.StartsWith('[') ? node.AsArray()[int.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!;
}

using System.Text.Json.Nodes;
using Grid.Abstractions.Market;
using Grid.Grains.Market;
using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;

namespace Grid.Grains.Tests.Market;

/// <summary>What a new rulebook must keep: each listed derivative's group, with a grid its kind fits; each spot pair's assets.</summary>
public sealed class RulebookCoverageTests
{
    private static readonly string DefaultJson = File.ReadAllText("default-rulebook.json");

    [Fact]
    public void ASpanFuture_InAGroupThatIsNoLongerSpan16_IsRefused()
    {
        var json = JsonNode.Parse(DefaultJson)!.AsObject();
        json["groups"]!["ES_SPAN"] = json["groups"]!["SPX"]!.DeepClone();
        var e = Assert.Throws<InvalidOperationException>(() => RulebookCoverage.Require(RulebookReader.Parse(json.ToJsonString()), [Listed("ES-TEST", InstrumentKind.SpanFuture, "ES_SPAN")]));
        Assert.StartsWith("groups.ES_SPAN.grid:", e.Message, StringComparison.Ordinal);
        Assert.Contains("ES-TEST", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASpotPair_WhoseQuoteAssetIsGone_IsRefused()
    {
        var json = JsonNode.Parse(DefaultJson)!.AsObject();
        json["assets"]!.AsObject().Remove("USDC");
        // The default's stablecoin-depeg scenario moves USDC: a rulebook without the asset drops the move too.
        foreach (var scenario in json["stress"]!["scenarios"]!.AsArray())
        {
            (scenario!["moves"] as JsonObject)?.Remove("USDC");
        }

        var pair = new InstrumentInfo { Spec = new InstrumentSpec { Id = "BTC-USDC", Kind = InstrumentKind.Spot, Underlying = "BTC", Quote = "USDC" } };
        var e = Assert.Throws<InvalidOperationException>(() => RulebookCoverage.Require(RulebookReader.Parse(json.ToJsonString()), [pair]));
        Assert.StartsWith("assets.USDC:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefault_CoversTheDemoKinds()
        => RulebookCoverage.Require(Rulebook.Default, [Listed("BTC-PERP", InstrumentKind.LinearPerp, "BTC"), Listed("ES-TEST", InstrumentKind.SpanFuture, "ES_SPAN")]);

    private static InstrumentInfo Listed(string id, InstrumentKind kind, string group)
        => new() { Spec = new InstrumentSpec { Id = id, Kind = kind, Group = group, Underlying = "BTC" } };
}

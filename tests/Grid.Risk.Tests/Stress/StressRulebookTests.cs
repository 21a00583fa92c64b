using Grid.Risk.Rulebooks;

namespace Grid.Risk.Tests.Stress;

/// <summary>The stress and apc blocks of the rulebook (§5.1, §5.5): the default's six scenarios, and bad blocks refused naming the field.</summary>
public sealed class StressRulebookTests
{
    private static readonly string DefaultJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "default-rulebook.json"));

    [Fact]
    public void Default_ShipsTheSixScenariosAndTheFund()
    {
        var stress = Rulebook.Default.Stress;
        Assert.Equal(50_000_000, stress.GuaranteeFund);
        Assert.Equal(["crypto crash", "crypto squeeze", "equity crash", "hedge break", "stablecoin depeg", "vol spike"], stress.Scenarios.Select(s => s.Name));
        var crash = stress.Scenarios[0];
        Assert.Equal(-0.50, crash.Move("BTC", AssetKind.Crypto));
        Assert.Equal(-0.10, crash.Move("SPY", AssetKind.Etf));
        Assert.Equal(0.30, crash.VolShift("ETH", AssetKind.Crypto));
        Assert.Equal(0, crash.Move("USDT", AssetKind.Stablecoin));
        var hedge = stress.Scenarios[3];
        Assert.Equal(-0.40, hedge.Move("BTC", AssetKind.Crypto));
        Assert.Equal(0, hedge.Move("ETH", AssetKind.Crypto));
        Assert.Equal(-0.05, stress.Scenarios[4].Move("USDC", AssetKind.Stablecoin));
        Assert.Equal(0.25, stress.Scenarios[5].VolShift("AAPL", AssetKind.Equity));
        Assert.Equal(ApcRules.None, Rulebook.Default.Apc);
    }

    [Fact]
    public void Move_OwnKeyBeatsKindKey_AndUnlistedAssetsTakeOnlyTheirOwn()
    {
        var s = new StressScenario
        {
            Name = "x",
            Moves = new Dictionary<string, double> { ["BTC"] = -0.4, ["kind:crypto"] = -0.2, ["kind:usd"] = 0.5 },
        };
        Assert.Equal(-0.4, s.Move("BTC", AssetKind.Crypto));
        Assert.Equal(-0.2, s.Move("ETH", AssetKind.Crypto));
        Assert.Equal(0, s.Move("SOL", null));
        Assert.Equal(0, s.Move("USD", AssetKind.Usd));
    }

    [Fact]
    public void Parse_WithoutBlocks_HasNoScenariosNoGuardNoBuffer()
    {
        var json = DefaultJson.Remove(DefaultJson.IndexOf("  \"stress\":", StringComparison.Ordinal), DefaultJson.IndexOf("  \"std\":", StringComparison.Ordinal) - DefaultJson.IndexOf("  \"stress\":", StringComparison.Ordinal));
        var rb = RulebookReader.Parse(json);
        Assert.Same(StressRules.None, rb.Stress);
        Assert.Same(ApcRules.None, rb.Apc);
        Assert.False(rb.Apc.Guards);
    }

    [Fact]
    public void Parse_ApcBlock_ReadsThresholdsAndBuffer()
    {
        var rb = WithApc("{\"maxHouseIncrease\": 0.25, \"maxRangeCut\": 0.10, \"buffer\": 0.25}");
        Assert.Equal(new ApcRules { MaxHouseIncrease = 0.25, MaxRangeCut = 0.10, Buffer = 0.25 }, rb.Apc);
        Assert.True(rb.Apc.Guards);
        var partial = WithApc("{\"buffer\": 0.1}");
        Assert.Equal(double.PositiveInfinity, partial.Apc.MaxHouseIncrease);
        Assert.False(partial.Apc.Guards);
    }

    [Theory]
    [InlineData("\"guaranteeFund\": 50000000", "\"guaranteeFund\": -1", "stress.guaranteeFund")]
    [InlineData("\"guaranteeFund\": 50000000,", "", "stress.guaranteeFund")]
    [InlineData("\"name\": \"crypto squeeze\"", "\"name\": \"crypto crash\"", "stress.scenarios[1].name")]
    [InlineData("\"name\": \"crypto squeeze\"", "\"name\": \"Crypto Crash\"", "stress.scenarios[1].name")]
    [InlineData("\"name\": \"crypto squeeze\"", "\"name\": \"\"", "stress.scenarios[1].name")]
    [InlineData("\"moves\": { \"kind:crypto\": 0.60 }", "\"moves\": { \"kind:crypto\": -1 }", "stress.scenarios[1].moves.kind:crypto")]
    [InlineData("\"moves\": { \"kind:crypto\": 0.60 }", "\"moves\": { \"kind:crypto\": -1.5 }", "stress.scenarios[1].moves.kind:crypto")]
    [InlineData("\"moves\": { \"kind:crypto\": 0.60 }", "\"moves\": { \"kind:crypto\": \"inf\" }", "stress.scenarios[1].moves.kind:crypto")]
    [InlineData("\"moves\": { \"kind:crypto\": 0.60 }", "\"moves\": { \"kind:coins\": 0.60 }", "stress.scenarios[1].moves.kind:coins")]
    [InlineData("\"moves\": { \"kind:crypto\": 0.60 }", "\"moves\": { \"DOGE\": 0.60 }", "stress.scenarios[1].moves.DOGE")]
    [InlineData("\"moves\": { \"kind:crypto\": 0.60 }", "\"moves\": { \"USD\": 0.60 }", "stress.scenarios[1].moves.USD")]
    [InlineData("\"moves\": { \"kind:crypto\": 0.60 }", "\"moves\": { \"kind:usd\": 0.60 }", "stress.scenarios[1].moves.kind:usd")]
    [InlineData("\"moves\": { \"kind:crypto\": 0.60 }", "\"moves\": [0.60]", "stress.scenarios[1].moves")]
    [InlineData("\"volShift\": { \"kind:crypto\": 0.30 }", "\"volShift\": { \"kind:crypto\": 30 }", "stress.scenarios[1].volShift.kind:crypto")]
    [InlineData("\"volShift\": { \"kind:crypto\": 0.30 }", "\"volShift\": { \"LUNA\": 0.30 }", "stress.scenarios[1].volShift.LUNA")]
    [InlineData("\"volShift\": { \"kind:crypto\": 0.30 }", "\"volshift\": { \"kind:crypto\": 0.30 }", "stress.scenarios[1].volshift")]
    [InlineData("\"scenarios\": [", "\"scenarios\": [ 7,", "stress.scenarios[0]")]
    [InlineData("\"scenarios\": [", "\"fund\": 1, \"scenarios\": [", "stress.fund")]
    public void Parse_BadStressBlock_NamesTheField(string from, string to, string field)
    {
        Assert.Contains(from, DefaultJson);
        var broken = ReplaceFirst(DefaultJson, from, to);
        var e = Assert.Throws<RulebookException>(() => RulebookReader.Parse(broken));
        Assert.Equal(field, e.Field);
    }

    [Theory]
    [InlineData("{\"maxHouseIncrease\": -0.1}", "apc.maxHouseIncrease")]
    [InlineData("{\"maxRangeCut\": -0.1}", "apc.maxRangeCut")]
    [InlineData("{\"buffer\": -0.01}", "apc.buffer")]
    [InlineData("{\"buffer\": 25}", "apc.buffer")]
    [InlineData("{\"buffer\": \"inf\"}", "apc.buffer")]
    [InlineData("{\"bufer\": 0.1}", "apc.bufer")]
    [InlineData("[0.25]", "apc")]
    public void Parse_BadApcBlock_NamesTheField(string block, string field)
    {
        var e = Assert.Throws<RulebookException>(() => WithApc(block));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void ReadScenarios_TooMany_IsRefused()
    {
        var json = "[" + string.Join(",", Enumerable.Range(0, StressRulesReader.MaxScenarios + 1).Select(i => $"{{\"name\":\"s{i}\"}}")) + "]";
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var e = Assert.Throws<RulebookException>(() => StressRulesReader.ReadScenarios(doc.RootElement, Rulebook.Default.Assets));
        Assert.Equal("stress.scenarios", e.Field);
    }

    [Fact]
    public void ReadBlock_ScenariosNotAnArray_IsRefused()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("{\"guaranteeFund\": 1, \"scenarios\": {\"name\": \"x\"}}");
        var e = Assert.Throws<RulebookException>(() => StressRulesReader.ReadBlock(doc.RootElement, Rulebook.Default.Assets));
        Assert.Equal("stress.scenarios", e.Field);
    }

    private static Rulebook WithApc(string block) => RulebookReader.Parse(ReplaceFirst(DefaultJson, "  \"std\": {", $"  \"apc\": {block},\n  \"std\": {{"));

    private static string ReplaceFirst(string text, string from, string to)
    {
        var i = text.IndexOf(from, StringComparison.Ordinal);
        return text[..i] + to + text[(i + from.Length)..];
    }
}

using System.Text.Json;
using static Grid.Risk.Rulebooks.JsonFields;
using static Grid.Risk.Rulebooks.RulebookReader;

namespace Grid.Risk.Rulebooks;

/// <summary>Reads the optional <c>apc</c> block (Rulebook §5.5); a missing threshold means no limit ("inf" is accepted too).</summary>
internal static class ApcRulesReader
{
    /// <summary>Largest buffer accepted (10 = IM × 11): catches 25 written for 0.25.</summary>
    public const double MaxBuffer = 10;

    public static ApcRules Read(JsonElement root)
    {
        if (!TryGet(root, "apc", out var block))
        {
            return ApcRules.None;
        }

        const string path = "apc";
        Check(block.ValueKind == JsonValueKind.Object, path, "expected an object with maxHouseIncrease, maxRangeCut, buffer");
        StressRulesReader.OnlyFields(block, path, "maxHouseIncrease", "maxRangeCut", "buffer");
        var rules = new ApcRules
        {
            MaxHouseIncrease = Number(block, "maxHouseIncrease", path, double.PositiveInfinity),
            MaxRangeCut = Number(block, "maxRangeCut", path, double.PositiveInfinity),
            Buffer = Number(block, "buffer", path, 0),
        };
        Check(rules.MaxHouseIncrease >= 0, Join(path, "maxHouseIncrease"), "must be ≥ 0 (a relative rise; \"inf\" for none)");
        Check(rules.MaxRangeCut >= 0, Join(path, "maxRangeCut"), "must be ≥ 0 (a relative cut; \"inf\" for none)");
        Check(rules.Buffer >= 0 && rules.Buffer <= MaxBuffer, Join(path, "buffer"), $"must be in [0, {MaxBuffer}]");
        return rules;
    }
}

using System.Text.Json;
using static Grid.Risk.Rulebooks.JsonFields;
using static Grid.Risk.Rulebooks.RulebookReader;

namespace Grid.Risk.Rulebooks;

/// <summary>
/// Reads the <c>stress</c> block (Rulebook §5.1) against the rulebook's assets. Refused, naming the
/// field: a duplicate or empty name, a move ≤ −1 or not finite, a key naming an asset the rulebook
/// does not list or an unknown kind, a move of the reference currency, an unknown field.
/// </summary>
public static class StressRulesReader
{
    /// <summary>Most scenarios one rulebook may carry (per-account evaluation keeps them on the stack).</summary>
    public const int MaxScenarios = 50;

    /// <summary>Largest absolute vol shift accepted (5 = 500 vol points): catches 30 written for 0.30.</summary>
    public const double MaxVolShift = 5;

    /// <summary>Reads <c>root.stress</c>, or <see cref="StressRules.None"/> when absent.</summary>
    internal static StressRules Read(JsonElement root, IReadOnlyDictionary<string, AssetRule> assets)
        => TryGet(root, "stress", out var block) ? ReadBlock(block, assets, "stress") : StressRules.None;

    /// <summary>Reads a <c>stress</c> block: <c>{"guaranteeFund": …, "scenarios": [...]}</c>.</summary>
    /// <exception cref="RulebookException">The block is inconsistent; the field is named.</exception>
    public static StressRules ReadBlock(JsonElement block, IReadOnlyDictionary<string, AssetRule> assets, string path = "stress")
    {
        Check(block.ValueKind == JsonValueKind.Object, path, "expected an object with guaranteeFund and scenarios");
        OnlyFields(block, path, "guaranteeFund", "scenarios");
        var fund = RequiredNumber(block, "guaranteeFund", path);
        Check(fund >= 0 && double.IsFinite(fund), Join(path, "guaranteeFund"), "must be a finite number ≥ 0 (USD)");
        var scenarios = ReadScenarios(Required(block, "scenarios", path), assets, Join(path, "scenarios"));
        return new StressRules { GuaranteeFund = fund, Scenarios = scenarios };
    }

    /// <summary>Reads an array of scenarios (the rulebook's, or one given with a request or a case file).</summary>
    /// <exception cref="RulebookException">A scenario is inconsistent; the field is named.</exception>
    public static IReadOnlyList<StressScenario> ReadScenarios(JsonElement array, IReadOnlyDictionary<string, AssetRule> assets, string path = "stress.scenarios")
    {
        Check(array.ValueKind == JsonValueKind.Array, path, "expected an array of scenarios");
        Check(array.GetArrayLength() <= MaxScenarios, path, $"at most {MaxScenarios} scenarios");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = new List<StressScenario>();
        var i = 0;
        foreach (var s in array.EnumerateArray())
        {
            var p = Index(path, i++);
            Check(s.ValueKind == JsonValueKind.Object, p, "expected {name, moves, volShift}");
            OnlyFields(s, p, "name", "moves", "volShift");
            var name = Text(Required(s, "name", p), Join(p, "name")).Trim();
            Check(names.Add(name), Join(p, "name"), $"'{name}' is used by another scenario (names are unique)");
            var moves = ReadShocks(s, "moves", p, assets, move: true);
            var vols = ReadShocks(s, "volShift", p, assets, move: false);
            list.Add(new StressScenario { Name = name, Moves = moves, VolShifts = vols });
        }

        return list;
    }

    private static Dictionary<string, double> ReadShocks(JsonElement scenario, string field, string path, IReadOnlyDictionary<string, AssetRule> assets, bool move)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!TryGet(scenario, field, out var node))
        {
            return map;
        }

        var fp = Join(path, field);
        Check(node.ValueKind == JsonValueKind.Object, fp, "expected an object keyed by asset or kind:<kind>");
        foreach (var entry in node.EnumerateObject())
        {
            var ep = Join(fp, entry.Name);
            AssetKind kind;
            if (entry.Name.StartsWith(AssetKindNames.KindPrefix, StringComparison.Ordinal))
            {
                var text = entry.Name[AssetKindNames.KindPrefix.Length..];
                Check(AssetKindNames.TryParse(text, out kind), ep, $"'{text}' is not a kind (usd, stablecoin, cash, crypto, equity, etf, index)");
            }
            else
            {
                Check(assets.TryGetValue(entry.Name, out var rule), ep, $"names unknown asset '{entry.Name}'");
                kind = rule!.Kind;
            }

            Check(kind != AssetKind.Usd, ep, "the reference currency never moves");
            var value = Number(entry.Value, ep);
            if (move)
            {
                Check(value > -1 && double.IsFinite(value), ep, "a move must be a finite number > −1");
            }
            else
            {
                Check(Math.Abs(value) <= MaxVolShift, ep, $"a vol shift must be a finite number in [−{MaxVolShift}, {MaxVolShift}]");
            }

            map[entry.Name] = value;
        }

        return map;
    }

    internal static void OnlyFields(JsonElement obj, string path, params string[] allowed)
    {
        foreach (var p in obj.EnumerateObject())
        {
            Check(Array.IndexOf(allowed, p.Name) >= 0, Join(path, p.Name), $"is not a field here (expected {string.Join(", ", allowed)})");
        }
    }
}

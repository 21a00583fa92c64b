using System.Text.Json;
using static Grid.Risk.Rulebooks.JsonFields;

namespace Grid.Risk.Rulebooks;

/// <summary>
/// Reads and validates a rulebook from JSON (the layout of Rulebook §3.1). Every error names the
/// field; an inconsistent rulebook (unknown group, unsorted tiers, rates out of range) is refused.
/// </summary>
public static class RulebookReader
{
    private static readonly Lazy<Rulebook> DefaultBook = new(() =>
    {
        using var stream = typeof(RulebookReader).Assembly.GetManifestResourceStream("Grid.Risk.default-rulebook.json")
            ?? throw new InvalidOperationException("default rulebook resource is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    /// <summary>The rulebook shipped inside the engine.</summary>
    public static Rulebook LoadDefault() => DefaultBook.Value;

    /// <summary>Parses and validates <paramref name="json"/>.</summary>
    /// <exception cref="RulebookException">The document is malformed or inconsistent.</exception>
    public static Rulebook Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new RulebookException("$", $"not valid JSON: {e.Message}");
        }

        using (doc)
        {
            return Read(doc.RootElement);
        }
    }

    /// <summary>Reads a rulebook from an already parsed element.</summary>
    public static Rulebook Read(JsonElement root)
    {
        var version = Text(Required(root, "version", ""), "version");
        var rc = OptionalText(root, "rc", "") ?? "USD";
        if (rc != "USD")
        {
            throw new RulebookException("rc", "only USD is supported as the reference currency");
        }

        var regime = (OptionalText(root, "regimeDefault", "") ?? "PM") switch
        {
            "PM" => MarginRegime.Pm,
            "STD" => MarginRegime.Std,
            var other => throw new RulebookException("regimeDefault", $"'{other}' is not PM or STD"),
        };

        var groups = ReadGroups(Required(root, "groups", ""));
        var assets = ReadAssets(Required(root, "assets", ""), groups);
        var credits = ReadCredits(root, groups);

        double mmFraction = 0.8;
        if (TryGet(root, "mmFraction", out var mm))
        {
            mmFraction = mm.ValueKind == JsonValueKind.Object ? RequiredNumber(mm, "PM", "mmFraction") : Number(mm, "mmFraction");
        }

        var fees = TryGet(root, "fees", out var f) ? f : default;
        var borrow = TryGet(root, "borrow", out var b) ? b : default;
        var book = new Rulebook
        {
            Version = version,
            ReferenceCurrency = rc,
            DefaultRegime = regime,
            Assets = assets,
            Groups = groups,
            Credits = credits,
            MmFraction = mmFraction,
            LiqEndFraction = Number(root, "liqEndFraction", "", 0.9),
            TakerFeeReserve = fees.ValueKind == JsonValueKind.Object ? Number(fees, "takerReserve", "fees", 0.0005) : 0.0005,
            MaxFeeRate = fees.ValueKind == JsonValueKind.Object ? Number(fees, "maxRate", "fees", 0.01) : 0.01,
            BorrowImRate = borrow.ValueKind == JsonValueKind.Object ? Number(borrow, "imRate", "borrow", 0) : 0,
            BorrowMmRate = borrow.ValueKind == JsonValueKind.Object ? Number(borrow, "mmRate", "borrow", 0) : 0,
            Std = TryGet(root, "std", out var std) ? StdRulesReader.Read(std, "std") : new StdRules { LinearBrackets = StdRulesReader.DefaultBrackets },
            Stress = StressRulesReader.Read(root, assets),
            Apc = ApcRulesReader.Read(root),
        };
        Check(book.MmFraction > 0 && book.MmFraction <= 1, "mmFraction.PM", "must be in (0, 1]");
        Check(book.LiqEndFraction > 0 && book.LiqEndFraction <= 1, "liqEndFraction", "must be in (0, 1]");
        Check(book.TakerFeeReserve is >= 0 and < 0.1, "fees.takerReserve", "must be in [0, 0.1)");
        Check(book.MaxFeeRate is >= 0 and < 1, "fees.maxRate", "must be in [0, 1)");
        Check(book.BorrowImRate >= 0 && book.BorrowMmRate >= 0, "borrow", "rates must be ≥ 0");
        return book;
    }

    private static Dictionary<string, GroupRule> ReadGroups(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            throw new RulebookException("groups", "expected an object of groups");
        }

        var groups = new Dictionary<string, GroupRule>(StringComparer.Ordinal);
        foreach (var g in node.EnumerateObject())
        {
            groups[g.Name] = GroupRuleReader.Read(g.Name, g.Value, $"groups.{g.Name}");
        }

        return groups;
    }

    private static Dictionary<string, AssetRule> ReadAssets(JsonElement node, Dictionary<string, GroupRule> groups)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            throw new RulebookException("assets", "expected an object of assets");
        }

        var assets = new Dictionary<string, AssetRule>(StringComparer.Ordinal);
        foreach (var a in node.EnumerateObject())
        {
            var path = $"assets.{a.Name}";
            var kind = ParseAssetKind(OptionalText(a.Value, "kind", path) ?? GuessKind(a.Name), Join(path, "kind"));
            var tiers = ReadTiers(Required(a.Value, "imTiers", path), Join(path, "imTiers"), requireRatio: true);
            var group = OptionalText(a.Value, "offsetGroup", path);
            if (group is not null && !groups.ContainsKey(group))
            {
                throw new RulebookException(Join(path, "offsetGroup"), $"names unknown group '{group}'");
            }

            var unit = OptionalText(a.Value, "tierUnit", path) ?? "qty";
            Check(unit is "qty" or "usd", Join(path, "tierUnit"), "must be qty or usd");
            var mode = OptionalText(a.Value, "collateralMode", path) switch
            {
                null => kind is AssetKind.Equity or AssetKind.Etf ? CollateralMode.Scenario : CollateralMode.Haircut,
                "haircut" => CollateralMode.Haircut,
                "scenario" => CollateralMode.Scenario,
                var other => throw new RulebookException(Join(path, "collateralMode"), $"'{other}' is not haircut or scenario"),
            };
            assets[a.Name] = new AssetRule
            {
                Name = a.Name, Kind = kind, HaircutTiers = tiers, TiersInUsd = unit == "usd", OffsetGroup = group, Mode = mode,
            };
        }

        Check(assets.ContainsKey("USD"), "assets.USD", "the reference currency must be listed");
        return assets;
    }

    private static List<CreditRule> ReadCredits(JsonElement root, Dictionary<string, GroupRule> groups)
    {
        var credits = new List<CreditRule>();
        if (!TryGet(root, "credits", out var node))
        {
            return credits;
        }

        var i = 0;
        foreach (var c in node.EnumerateArray())
        {
            var path = Index("credits", i++);
            var pair = Required(c, "pair", path);
            Check(pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2, Join(path, "pair"), "must list two groups");
            var a = Text(pair[0], Join(path, "pair[0]"));
            var b = Text(pair[1], Join(path, "pair[1]"));
            Check(groups.ContainsKey(a), Join(path, "pair[0]"), $"names unknown group '{a}'");
            Check(groups.ContainsKey(b), Join(path, "pair[1]"), $"names unknown group '{b}'");
            Check(a != b, Join(path, "pair"), "must name two different groups");
            var rule = new CreditRule(a, b, RequiredNumber(c, "rate", path), Number(c, "ratio", path, 1.0), Number(c, "priority", path, i));
            Check(rule.Rate is >= 0 and <= 1, Join(path, "rate"), "must be in [0, 1]");
            Check(rule.Ratio > 0 && double.IsFinite(rule.Ratio), Join(path, "ratio"), "must be > 0");
            credits.Add(rule);
        }

        credits.Sort((x, y) => x.Priority.CompareTo(y.Priority));
        return credits;
    }

    internal static Tier[] ReadTiers(JsonElement node, string path, bool requireRatio)
    {
        Check(node.ValueKind == JsonValueKind.Array, path, "expected an array of [upperBound, rate]");
        var tiers = new Tier[node.GetArrayLength()];
        var previous = 0.0;
        for (var i = 0; i < tiers.Length; i++)
        {
            var t = node[i];
            var p = Index(path, i);
            Check(t.ValueKind == JsonValueKind.Array && t.GetArrayLength() == 2, p, "expected [upperBound, rate]");
            var upper = Number(t[0], p + "[0]");
            var rate = Number(t[1], p + "[1]");
            Check(upper > previous, p + "[0]", "bounds must be positive and strictly ascending");
            Check(rate >= 0 && (!requireRatio || rate <= 1) && double.IsFinite(rate), p + "[1]", requireRatio ? "ratio must be in [0, 1]" : "rate must be ≥ 0");
            tiers[i] = new Tier(upper, rate);
            previous = upper;
        }

        Check(!requireRatio || (tiers.Length > 0 && double.IsPositiveInfinity(tiers[^1].UpperBound)), path, "the last tier must be open-ended (\"inf\")");
        return tiers;
    }

    private static AssetKind ParseAssetKind(string text, string path) => text switch
    {
        "usd" => AssetKind.Usd,
        "stablecoin" => AssetKind.Stablecoin,
        "cash" => AssetKind.Cash,
        "crypto" => AssetKind.Crypto,
        "equity" => AssetKind.Equity,
        "etf" => AssetKind.Etf,
        "index" => AssetKind.Index,
        _ => throw new RulebookException(path, $"'{text}' is not one of usd, stablecoin, cash, crypto, equity, etf, index"),
    };

    private static string GuessKind(string asset) => asset switch
    {
        "USD" => "usd",
        "USDT" or "USDC" => "stablecoin",
        _ => "crypto",
    };

    internal static void Check(bool ok, string path, string message)
    {
        if (!ok)
        {
            throw new RulebookException(path, message);
        }
    }
}

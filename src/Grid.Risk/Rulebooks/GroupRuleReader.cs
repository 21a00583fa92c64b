using System.Text.Json;
using static Grid.Risk.Rulebooks.JsonFields;
using static Grid.Risk.Rulebooks.RulebookReader;

namespace Grid.Risk.Rulebooks;

/// <summary>Reads one group of the rulebook.</summary>
internal static class GroupRuleReader
{
    public static GroupRule Read(string name, JsonElement g, string path)
    {
        var grid = (OptionalText(g, "grid", path) ?? "crypto") switch
        {
            "crypto" => GridKind.Crypto,
            "finra" => GridKind.Finra,
            "span16" => GridKind.Span16,
            var other => throw new RulebookException(Join(path, "grid"), $"'{other}' is not crypto, finra or span16"),
        };
        var concentration = TryGet(g, "concentration", out var c)
            ? ReadTiers(c, Join(path, "concentration"), requireRatio: false)
            : [];
        var rule = new GroupRule
        {
            Name = name,
            Grid = grid,
            BasisRate = Number(g, "basisRate", path, 0),
            SomRate = Number(g, "somRate", path, 0),
            MinPerContract = Number(g, "minPerContract", path, 0),
            Concentration = concentration,
        };
        Check(rule.BasisRate is >= 0 and <= 1, Join(path, "basisRate"), "must be in [0, 1]");
        Check(rule.SomRate is >= 0 and <= 1, Join(path, "somRate"), "must be in [0, 1]");
        Check(rule.MinPerContract >= 0 && double.IsFinite(rule.MinPerContract), Join(path, "minPerContract"), "must be ≥ 0");

        return grid switch
        {
            GridKind.Crypto => ReadCrypto(rule, g, path),
            GridKind.Finra => ReadFinra(rule, g, path),
            _ => rule,
        };
    }

    private static GroupRule ReadCrypto(GroupRule rule, JsonElement g, string path)
    {
        var range = RequiredNumber(g, "range", path);
        Check(range > 0 && range < 1, Join(path, "range"), "must be in (0, 1)");
        var steps = (int)RequiredNumber(g, "steps", path);
        Check(steps is >= 1 and <= 20, Join(path, "steps"), "must be an integer in [1, 20]");
        var v = Required(g, "vol", path);
        var vp = Join(path, "vol");
        var vol = new VolShock(
            RequiredNumber(v, "up", vp), RequiredNumber(v, "down", vp), Number(v, "minUp", vp, 0),
            RequiredNumber(v, "pShort", vp), RequiredNumber(v, "pLong", vp), Number(v, "dteFloorDays", vp, 1));
        Check(vol.Up >= 0 && vol.Down is >= 0 and <= 1 && vol.MinUp >= 0, vp, "up ≥ 0, down in [0, 1], minUp ≥ 0");
        Check(vol.DteFloorDays > 0, Join(vp, "dteFloorDays"), "must be > 0");
        var extended = new List<ExtendedRow>();
        if (TryGet(g, "extended", out var ext))
        {
            for (var i = 0; i < ext.GetArrayLength(); i++)
            {
                var p = Index(Join(path, "extended"), i);
                var row = ext[i];
                Check(row.ValueKind == JsonValueKind.Array && row.GetArrayLength() == 2, p, "expected [shock, weight]");
                var shock = Number(row[0], p + "[0]");
                var weight = Number(row[1], p + "[1]");
                Check(shock > -1 && double.IsFinite(shock), p + "[0]", "shock must be > −1");
                Check(weight is >= 0 and <= 1, p + "[1]", "weight must be in [0, 1]");
                extended.Add(new ExtendedRow(shock, weight));
            }
        }

        return rule with { Range = range, Steps = steps, Vol = vol, Extended = [.. extended] };
    }

    private static GroupRule ReadFinra(GroupRule rule, JsonElement g, string path)
    {
        var up = RequiredNumber(g, "up", path);
        var down = RequiredNumber(g, "down", path);
        var points = (int)Number(g, "points", path, 10);
        Check(up > 0 && up < 1, Join(path, "up"), "must be in (0, 1)");
        Check(down < 0 && down > -1, Join(path, "down"), "must be in (−1, 0)");
        Check(points >= 2 && points % 2 == 0 && points <= 40, Join(path, "points"), "must be an even number in [2, 40]");
        return rule with { Up = up, Down = down, Points = points };
    }
}

using System.Text.Json;
using static Grid.Risk.Rulebooks.JsonFields;
using static Grid.Risk.Rulebooks.RulebookReader;

namespace Grid.Risk.Rulebooks;

/// <summary>Reads the STD section of the rulebook.</summary>
internal static class StdRulesReader
{
    /// <summary>Binance USDⓈ-M brackets from background §1.7 (Rulebook §4 item 3).</summary>
    public static readonly MmrBracket[] DefaultBrackets =
    [
        new(50_000, 0.004, 0), new(250_000, 0.005, 50), new(1_000_000, 0.01, 1_300), new(5_000_000, 0.025, 16_300),
        new(20_000_000, 0.05, 141_300), new(50_000_000, 0.10, 1_141_300), new(100_000_000, 0.125, 2_391_300),
        new(200_000_000, 0.15, 4_891_300), new(500_000_000, 0.25, 24_891_300),
    ];

    public static StdRules Read(JsonElement std, string path)
    {
        var d = new StdRules();
        var brackets = DefaultBrackets;
        double imRate = d.LinearImRate;
        if (TryGet(std, "linear", out var lin))
        {
            var lp = Join(path, "linear");
            imRate = Number(lin, "imRate", lp, imRate);
            if (TryGet(lin, "brackets", out var br))
            {
                brackets = new MmrBracket[br.GetArrayLength()];
                var prev = 0.0;
                for (var i = 0; i < brackets.Length; i++)
                {
                    var p = Index(Join(lp, "brackets"), i);
                    var row = br[i];
                    Check(row.ValueKind == JsonValueKind.Array && row.GetArrayLength() == 3, p, "expected [upperBound, mmr, cum]");
                    brackets[i] = new MmrBracket(Number(row[0], p + "[0]"), Number(row[1], p + "[1]"), Number(row[2], p + "[2]"));
                    Check(brackets[i].UpperBound > prev, p + "[0]", "bounds must be strictly ascending");
                    Check(brackets[i].MaintenanceRate is >= 0 and <= 1, p + "[1]", "must be in [0, 1]");
                    prev = brackets[i].UpperBound;
                }
            }
        }

        Check(imRate is > 0 and <= 1, Join(path, "linear.imRate"), "must be in (0, 1]");
        var inv = TryGet(std, "inverse", out var i1) ? i1 : default;
        var opt = TryGet(std, "cryptoOption", out var o1) ? o1 : default;
        var eq = TryGet(std, "equityOption", out var e1) ? e1 : default;
        var stock = TryGet(std, "stock", out var s1) ? s1 : default;
        var rules = new StdRules
        {
            LinearImRate = imRate,
            LinearBrackets = brackets,
            InverseImBase = Num(inv, "imBase", path + ".inverse", d.InverseImBase),
            InverseImPer100 = Num(inv, "imPer100", path + ".inverse", d.InverseImPer100),
            InverseMmBase = Num(inv, "mmBase", path + ".inverse", d.InverseMmBase),
            InverseMmPer100 = Num(inv, "mmPer100", path + ".inverse", d.InverseMmPer100),
            CryptoOptionImOtmBase = Num(opt, "imOtmBase", path + ".cryptoOption", d.CryptoOptionImOtmBase),
            CryptoOptionImFloor = Num(opt, "imFloor", path + ".cryptoOption", d.CryptoOptionImFloor),
            CryptoOptionMm = Num(opt, "mm", path + ".cryptoOption", d.CryptoOptionMm),
            EquityOptionRate = Num(eq, "equityRate", path + ".equityOption", d.EquityOptionRate),
            IndexOptionRate = Num(eq, "indexRate", path + ".equityOption", d.IndexOptionRate),
            OptionFloorRate = Num(eq, "floorRate", path + ".equityOption", d.OptionFloorRate),
            StockIm = Num(stock, "im", path + ".stock", d.StockIm),
            StockMmLong = Num(stock, "mmLong", path + ".stock", d.StockMmLong),
            StockMmShort = Num(stock, "mmShort", path + ".stock", d.StockMmShort),
        };
        return rules;
    }

    private static double Num(JsonElement obj, string name, string path, double fallback)
    {
        var v = obj.ValueKind == JsonValueKind.Object ? Number(obj, name, path, fallback) : fallback;
        Check(v is >= 0 and <= 1, Join(path, name), "must be in [0, 1]");
        return v;
    }
}

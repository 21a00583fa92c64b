using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Margin;

/// <summary>
/// The rule-based STD requirement of one group in one fill state (Rulebook §3.6, §4 items 3 and 19):
/// delta-one positions one by one, options paired covered calls first, then verticals where that
/// lowers the requirement, then naked; stock balances under Reg T; a borrowed coin as a short linear
/// perp at the index, bracketed on its own.
/// </summary>
internal static class StdRequirement
{
    public static GroupFigures Of(AccountBook book, int g, FillState state, List<StdLine>? lines)
    {
        var model = book.Model;
        var rules = model.Rulebook.Std;
        double im = 0, mm = 0, delta = 0;
        var shorts = new List<(InstrumentRisk Risk, double Qty)>();
        var longs = new List<(InstrumentRisk Risk, double Qty)>();
        for (var k = 0; k < book.HoldingCount; k++)
        {
            var risk = model.Instruments[book.Holdings[k].Instrument];
            var q = book.Holdings[k].Net(state);
            if (risk.Group != g || q == 0)
            {
                continue;
            }

            delta += q * risk.Delta;
            if (risk.Kind.IsOption())
            {
                (q < 0 ? shorts : longs).Add((risk, Math.Abs(q)));
                continue;
            }

            var inverse = risk.Kind is InstrumentKind.InversePerp or InstrumentKind.InverseFuture;
            var (i, m) = inverse
                ? StdLinear.Inverse(rules, Math.Abs(q) * risk.Multiplier / risk.Mark, risk.UnderlyingPrice)
                : StdLinear.Linear(rules, risk.Spec.Std, Math.Abs(q) * risk.Multiplier * risk.Mark, StdLinear.OpenInterestUsd(risk));
            Add(lines, new StdLine(risk.Spec.Id, q, i, m, inverse ? "inverse (Deribit standard)" : StdLinear.RuleName(risk.Spec.Std)), ref im, ref mm);
        }

        var cover = new double[model.Assets.Length];
        for (var a = 0; a < model.Assets.Length; a++)
        {
            var asset = model.Assets[a];
            var b = book.Balances[a] + (state == FillState.None ? 0 : book.SpotFill[a]);
            if (asset.Rule.OffsetGroup != model.Groups[g].Name || b == 0 || asset.Rule.IsCashLike)
            {
                continue;
            }

            if (b > 0)
            {
                cover[a] = b;
            }

            var value = Math.Abs(b) * asset.Price;
            if (asset.Rule.Kind is AssetKind.Equity or AssetKind.Etf)
            {
                Add(lines, new StdLine(asset.Rule.Name, b, rules.StockIm * value, (b > 0 ? rules.StockMmLong : rules.StockMmShort) * value, "Reg T"), ref im, ref mm);
            }
            else if (b < 0)
            {
                var (i, m) = StdLinear.Linear(rules, null, value, 0);
                Add(lines, new StdLine(asset.Rule.Name, b, i, m, "borrow (linear)"), ref im, ref mm);
            }

            if (asset.BothWays(b))
            {
                delta += b * asset.Price;
            }
        }

        Options(model, rules, shorts, longs, cover, lines, ref im, ref mm);
        return new GroupFigures { GroupIm = im, Maintenance = mm, Delta = delta };
    }

    private static void Options(
        RiskModel model, StdRules rules, List<(InstrumentRisk Risk, double Qty)> shorts, List<(InstrumentRisk Risk, double Qty)> longs,
        double[] cover, List<StdLine>? lines, ref double im, ref double mm)
    {
        // Covered calls first: the largest naked charge per unit is covered first.
        shorts.Sort((x, y) => StdOptions.NakedShort(rules, y.Risk).Im.CompareTo(StdOptions.NakedShort(rules, x.Risk).Im));
        for (var s = 0; s < shorts.Count; s++)
        {
            var (risk, qty) = shorts[s];
            if (!StdOptions.Coverable(risk) || risk.Spec.Underlying is null || !model.TryGetAsset(risk.Spec.Underlying, out var a) || cover[a] <= 0)
            {
                continue;
            }

            var covered = Math.Min(qty, cover[a] / risk.Multiplier);
            cover[a] -= covered * risk.Multiplier;
            shorts[s] = (risk, qty - covered);
            Add(lines, new StdLine(risk.Spec.Id, -covered, 0, 0, "covered call"), ref im, ref mm);
        }

        // Then verticals, best saving first, only where pairing is cheaper than naked + premium.
        while (true)
        {
            int bestS = -1, bestL = -1;
            double bestSaving = 0, bestLoss = 0;
            for (var s = 0; s < shorts.Count; s++)
            {
                if (shorts[s].Qty <= 0)
                {
                    continue;
                }

                var naked = StdOptions.NakedShort(rules, shorts[s].Risk).Im;
                for (var l = 0; l < longs.Count; l++)
                {
                    if (longs[l].Qty <= 0 || !StdOptions.CanPair(shorts[s].Risk, longs[l].Risk))
                    {
                        continue;
                    }

                    var loss = StdOptions.VerticalMaxLoss(shorts[s].Risk, longs[l].Risk);
                    var saving = naked + longs[l].Risk.Value / longs[l].Risk.Multiplier - loss;
                    if (saving > bestSaving)
                    {
                        (bestS, bestL, bestSaving, bestLoss) = (s, l, saving, loss);
                    }
                }
            }

            if (bestS < 0)
            {
                break;
            }

            var (sr, sq) = shorts[bestS];
            var (lr, lq) = longs[bestL];
            var n = Math.Min(sq, lq);
            shorts[bestS] = (sr, sq - n);
            longs[bestL] = (lr, lq - n);
            var req = bestLoss * sr.Multiplier * n;
            Add(lines, new StdLine(sr.Spec.Id, -n, req, req, "vertical spread (max loss)", lr.Spec.Id), ref im, ref mm);
        }

        foreach (var (risk, qty) in shorts)
        {
            if (qty > 0)
            {
                var (i, m) = StdOptions.NakedShort(rules, risk);
                var units = qty * risk.Multiplier;
                Add(lines, new StdLine(risk.Spec.Id, -qty, i * units, m * units, "naked short option"), ref im, ref mm);
            }
        }

        foreach (var (risk, qty) in longs)
        {
            if (qty > 0)
            {
                // No loan value: the mark is in AE and the same amount in IM and MM (Rulebook §4 item 3).
                var premium = qty * risk.Value;
                Add(lines, new StdLine(risk.Spec.Id, qty, premium, premium, "long option (premium)"), ref im, ref mm);
            }
        }
    }

    private static void Add(List<StdLine>? lines, StdLine line, ref double im, ref double mm)
    {
        im += line.Im;
        mm += line.Mm;
        lines?.Add(line);
    }
}

using Grid.Risk.Market;

namespace Grid.Risk.Tests.Properties;

/// <summary>
/// Random market steps for the rebase property tests: each step moves one to three inputs (an index, a
/// mark, a vol, a forward, the rate, a dividend yield, a risk array, a span delta, open interest) by a
/// small random amount and stamps them, and the snapshot's instant, with the step's time, as the silo's
/// market frame does. Now and then a step is a day later, so option time decay is exercised.
/// </summary>
internal sealed class MarketMoves(Random random)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    /// <summary>The snapshot with every input key stamped at its instant (the first frame of a live market).</summary>
    public static MarketSnapshot Stamped(MarketSnapshot market)
    {
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var key in market.Index.Keys.Concat(market.Marks.Keys).Concat(market.Vols.Keys).Concat(market.Forwards.Keys)
            .Concat(market.DivYields.Keys).Concat(market.RiskArrays.Keys).Concat(market.SpanDeltas.Keys).Concat(market.OpenInterest.Keys))
        {
            times[key] = market.AsOf;
        }

        return market with { InputTimes = times };
    }

    /// <summary>The next market: one to three inputs moved; <paramref name="label"/> says which.</summary>
    public MarketSnapshot Next(MarketSnapshot market, out string label)
    {
        var at = market.AsOf + (random.Next(20) == 0 ? TimeSpan.FromDays(1) : Step);
        var times = new Dictionary<string, DateTimeOffset>(market.InputTimes, StringComparer.Ordinal);
        var labels = new List<string>();
        var next = market with { AsOf = at };
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            next = Move(next, times, at, labels);
        }

        label = $"{at:HH:mm:ss.fff} {string.Join(", ", labels)}";
        return next with { InputTimes = times };
    }

    private MarketSnapshot Move(MarketSnapshot m, Dictionary<string, DateTimeOffset> times, DateTimeOffset at, List<string> labels)
    {
        switch (random.Next(9))
        {
            case 0 when m.Index.Count > 0:
                return m with { Index = Nudge(m.Index, times, at, labels, "index", 0.01) };
            case 1 when m.Marks.Count > 0:
                return m with { Marks = Nudge(m.Marks, times, at, labels, "mark", 0.01) };
            case 2 when m.Vols.Count > 0:
                return m with { Vols = Nudge(m.Vols, times, at, labels, "vol", 0.05) };
            case 3 when m.Forwards.Count > 0:
                return m with { Forwards = NudgeForward(m.Forwards, times, at, labels) };
            case 4:
                labels.Add("rate");
                return m with { Rate = m.Rate + (random.NextDouble() - 0.5) * 0.004 };
            case 5 when m.DivYields.Count > 0:
                return m with { DivYields = Nudge(m.DivYields, times, at, labels, "dividend", 0.1) };
            case 6 when m.RiskArrays.Count > 0:
                return m with { RiskArrays = NudgeArray(m.RiskArrays, times, at, labels) };
            case 7 when m.SpanDeltas.Count > 0:
                return m with { SpanDeltas = Nudge(m.SpanDeltas, times, at, labels, "span delta", 0.05) };
            case 8 when m.OpenInterest.Count > 0:
                return m with { OpenInterest = Nudge(m.OpenInterest, times, at, labels, "open interest", 0.2) };
            default:
                return m with { Index = Nudge(m.Index, times, at, labels, "index", 0.01) };
        }
    }

    private Dictionary<string, double> Nudge(
        IReadOnlyDictionary<string, double> values, Dictionary<string, DateTimeOffset> times, DateTimeOffset at, List<string> labels, string kind, double size)
    {
        var copy = new Dictionary<string, double>(values, StringComparer.Ordinal);
        if (copy.Count == 0)
        {
            return copy;
        }

        var key = copy.Keys.ElementAt(random.Next(copy.Count));
        copy[key] *= 1 + (random.NextDouble() - 0.5) * 2 * size;
        times[key] = at;
        labels.Add($"{kind} {key}");
        return copy;
    }

    private Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>> NudgeForward(
        IReadOnlyDictionary<string, IReadOnlyDictionary<DateTimeOffset, double>> curves, Dictionary<string, DateTimeOffset> times, DateTimeOffset at, List<string> labels)
    {
        var copy = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>(curves, StringComparer.Ordinal);
        var underlying = copy.Keys.ElementAt(random.Next(copy.Count));
        var curve = new Dictionary<DateTimeOffset, double>(copy[underlying]);
        if (curve.Count > 0)
        {
            var expiry = curve.Keys.ElementAt(random.Next(curve.Count));
            curve[expiry] *= 1 + (random.NextDouble() - 0.5) * 0.02;
            labels.Add($"forward {underlying} {expiry:yyMMdd}");
        }

        copy[underlying] = curve;
        times[underlying] = at;
        return copy;
    }

    private Dictionary<string, double[]> NudgeArray(IReadOnlyDictionary<string, double[]> arrays, Dictionary<string, DateTimeOffset> times, DateTimeOffset at, List<string> labels)
    {
        var copy = new Dictionary<string, double[]>(arrays, StringComparer.Ordinal);
        var key = copy.Keys.ElementAt(random.Next(copy.Count));
        copy[key] = [.. copy[key].Select(v => v * (1 + (random.NextDouble() - 0.5) * 0.04))];
        times[key] = at;
        labels.Add($"risk array {key}");
        return copy;
    }
}

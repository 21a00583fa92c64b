using Grid.Abstractions.Market;
using Grid.Risk.Instruments;

namespace Grid.Grains.Market;

/// <summary>
/// Merges a price update into an instrument: each input is its own price key and keeps its newest
/// observation. Inputs the instrument cannot use are refused naming the field, before anything changes.
/// </summary>
internal static class InstrumentPriceRules
{
    /// <summary>How far in the future an observation may be (feeder clocks run ahead a little).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>Largest magnitude of a published array value or delta, as for every amount on the wire.</summary>
    private const decimal MaxMagnitude = 1_000_000_000_000_000m;

    /// <summary>The instrument with <paramref name="prices"/> applied; the same instance when nothing is newer.</summary>
    /// <exception cref="ArgumentException">An input is invalid or not one this instrument uses ("field: why").</exception>
    public static InstrumentInfo Merge(InstrumentInfo info, InstrumentPrices prices, DateTimeOffset now)
    {
        var kind = info.Spec.Kind;
        var id = info.Spec.Id;
        var at = prices.At == default ? now : prices.At;
        var next = info;
        if (prices.Mark is { } mark)
        {
            Require(!kind.IsOption(), "mark", $"{id} is an option: its mark is computed from the forward and the vol; publish a vol");
            Require(mark > 0, "mark", "must be positive");
            var markAt = Observed(prices.MarkAt ?? at, now, "mark");
            next = markAt >= info.MarkAt ? next with { Mark = mark, MarkAt = markAt } : next;
        }

        if (prices.Vol is { } vol)
        {
            Require(kind.IsOption(), "vol", $"{id} is not an option");
            Require(vol is > 0 and <= 20, "vol", "must be in (0, 20]");
            var volAt = Observed(prices.VolAt ?? at, now, "vol");
            next = volAt >= info.VolAt ? next with { Vol = vol, VolAt = volAt } : next;
        }

        if (prices.SpanArray is { } array)
        {
            Require(kind == InstrumentKind.SpanFuture, "risk_array", $"{id} is not a span future: only span16 instruments use published arrays");
            Require(array.Count == 16, "risk_array.scenarios", $"needs 16 values, got {array.Count}");
            Require(array.All(v => Math.Abs(v) <= MaxMagnitude), "risk_array.scenarios", "values must be within ±1e15");
            var arrayAt = Observed(prices.SpanArrayAt ?? at, now, "risk_array");
            next = arrayAt >= info.SpanArrayAt ? next with { SpanArray = [.. array], SpanArrayAt = arrayAt } : next;
        }

        if (prices.SpanDelta is { } delta)
        {
            Require(kind == InstrumentKind.SpanFuture, "span_delta", $"{id} is not a span future: only span16 instruments use published deltas");
            Require(Math.Abs(delta) <= MaxMagnitude, "span_delta.delta", "must be within ±1e15");
            var deltaAt = Observed(prices.SpanDeltaAt ?? at, now, "span_delta");
            next = deltaAt >= info.SpanDeltaAt ? next with { SpanDelta = delta, SpanDeltaAt = deltaAt } : next;
        }

        if (prices.OpenInterest is { } oi)
        {
            Require(oi is >= 0 and <= MaxMagnitude, "open_interest.contracts", "must be in [0, 1e15]");
            var oiAt = Observed(prices.OpenInterestAt ?? at, now, "open_interest");
            next = oiAt >= info.OpenInterestAt ? next with { OpenInterest = oi, OpenInterestAt = oiAt } : next;
        }

        return next;
    }

    private static DateTimeOffset Observed(DateTimeOffset at, DateTimeOffset now, string field)
    {
        Require(at <= now + MaxClockSkew, "observed_at", $"the {field} is observed in the future ({at:O})");
        return at;
    }

    private static void Require(bool ok, string field, string message)
    {
        if (!ok)
        {
            throw new ArgumentException($"{field}: {message}", field);
        }
    }
}

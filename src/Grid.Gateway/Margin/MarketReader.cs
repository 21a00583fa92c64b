using Google.Protobuf.Collections;
using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Grid.Risk.Market;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Margin;

/// <summary>Reads a typed SimulatedMarket; every value is range-checked here, naming "market.&lt;field&gt;".</summary>
internal static class MarketReader
{
    /// <summary>Largest |rate| or |dividend yield| accepted (continuous, per year).</summary>
    private const decimal MaxRate = 1m;

    public static MarketSnapshot Read(Wire.SimulatedMarket market)
    {
        var forwards = new Dictionary<string, Dictionary<DateTimeOffset, double>>(StringComparer.Ordinal);
        for (var i = 0; i < market.Forwards.Count; i++)
        {
            var f = market.Forwards[i];
            var at = $"market.forwards[{i}]";
            var underlying = RequestFields.Id(f.Underlying, at + ".underlying");
            var expiry = WireTime.ToDateTimeOffset(f.Expiry, at + ".expiry");
            var curve = forwards.TryGetValue(underlying, out var c) ? c : forwards[underlying] = [];
            if (!curve.TryAdd(expiry, (double)RequestFields.Positive(f.Price, at + ".price")))
            {
                throw InvalidFieldException.Invalid(at + ".expiry", $"{underlying} has two forwards for {expiry:O}");
            }
        }

        var arrays = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var deltas = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < market.RiskArrays.Count; i++)
        {
            var a = market.RiskArrays[i];
            var at = $"market.risk_arrays[{i}]";
            var id = RequestFields.Id(a.InstrumentId, at + ".instrument_id");
            if (a.Values.Count != 16)
            {
                throw InvalidFieldException.Invalid(at + ".values", $"{a.Values.Count} values: a SPAN risk array has exactly 16");
            }

            if (!arrays.TryAdd(id, [.. a.Values.Select((v, j) => (double)RequestFields.Signed(v, $"{at}.values[{j}]"))]))
            {
                throw InvalidFieldException.Invalid(at + ".instrument_id", $"{id} has two risk arrays");
            }

            if (a.Delta is not null)
            {
                deltas[id] = (double)RequestFields.Signed(a.Delta, at + ".delta");
            }
        }

        return new MarketSnapshot
        {
            AsOf = WireTime.ToDateTimeOffset(market.AsOf, "market.as_of"),
            Index = Positive(market.Index, "market.index"),
            Marks = Positive(market.Marks, "market.marks"),
            Forwards = forwards.ToDictionary(f => f.Key, f => (IReadOnlyDictionary<DateTimeOffset, double>)f.Value, StringComparer.Ordinal),
            Vols = Positive(market.Vols, "market.vols"),
            Rate = (double)Rate(market.Rate, "market.rate"),
            DivYields = market.DividendYields.ToDictionary(
                d => RequestFields.Id(d.Key, "market.dividend_yields"), d => (double)Rate(d.Value, $"market.dividend_yields.{d.Key}"), StringComparer.Ordinal),
            RiskArrays = arrays,
            SpanDeltas = deltas,
            OpenInterest = market.OpenInterest.ToDictionary(
                o => RequestFields.Id(o.Key, "market.open_interest"), o => (double)RequestFields.NonNegative(o.Value, $"market.open_interest.{o.Key}"), StringComparer.Ordinal),
        };
    }

    private static Dictionary<string, double> Positive(MapField<string, Wire.Decimal> map, string field)
    {
        var result = new Dictionary<string, double>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            result[RequestFields.Id(key, field)] = (double)RequestFields.Positive(value, $"{field}.{key}");
        }

        return result;
    }

    private static decimal Rate(Wire.Decimal? value, string field)
    {
        var rate = RequestFields.Signed(value, field);
        return Math.Abs(rate) <= MaxRate ? rate : throw InvalidFieldException.Invalid(field, $"must be within ±{MaxRate} (a continuous annual rate), got {rate}");
    }
}

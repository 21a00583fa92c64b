using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Market;

/// <summary>
/// The valid updates of one batch filed under the grain that owns their price key: an underlying per
/// asset, an instrument per id, the rulebook for the rate. Field paths are relative to the update.
/// </summary>
internal sealed class PriceRoutes
{
    private readonly Dictionary<string, UnderlyingPrices> _underlyings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstrumentQuotes> _instruments = new(StringComparer.Ordinal);

    public IEnumerable<UnderlyingPrices> Underlyings => _underlyings.Values;

    public IEnumerable<InstrumentQuotes> Instruments => _instruments.Values;

    public RateQuote Rate { get; } = new();

    /// <summary>
    /// Validates one update and files it. Every field is checked into a local before the grain's entry is
    /// made (<c>Underlying(...)</c> and <c>Instrument(...)</c> create it, and as receivers they would run
    /// before an argument's validation throws), so a refused update leaves nothing behind.
    /// </summary>
    /// <exception cref="InvalidFieldException">The update is malformed or a field is out of range.</exception>
    public void Add(Wire.PriceUpdate update, int index, DateTimeOffset latest)
    {
        if (update.KindCase == Wire.PriceUpdate.KindOneofCase.None)
        {
            throw InvalidFieldException.Malformed("kind", "the update prices nothing");
        }

        var at = WireTime.ToDateTimeOffset(update.ObservedAt, "observed_at");
        if (at > latest)
        {
            throw InvalidFieldException.Invalid("observed_at", $"is in the future ({at:O}, beyond the allowed clock skew, Grid:Gateway:MaxClockSkew)");
        }

        switch (update.KindCase)
        {
            case Wire.PriceUpdate.KindOneofCase.Index:
                var asset = RequestFields.Id(update.Index.Asset, "index.asset");
                var spot = new PricePoint(index, RequestFields.Positive(update.Index.Price, "index.price"), at, "index.asset");
                Underlying(asset).AddIndex(spot);
                break;
            case Wire.PriceUpdate.KindOneofCase.Forward:
                var underlying = RequestFields.Id(update.Forward.Underlying, "forward.underlying");
                var expiry = WireTime.ToDateTimeOffset(update.Forward.Expiry, "forward.expiry");
                var forward = new PricePoint(index, RequestFields.Positive(update.Forward.Price, "forward.price"), at, "forward.underlying");
                Underlying(underlying).AddForward(expiry, forward);
                break;
            case Wire.PriceUpdate.KindOneofCase.DividendYield:
                var payer = RequestFields.Id(update.DividendYield.Asset, "dividend_yield.asset");
                var dividend = new PricePoint(index, Required(update.DividendYield.Yield, "dividend_yield.yield"), at, "dividend_yield.asset");
                Underlying(payer).AddDividendYield(dividend);
                break;
            case Wire.PriceUpdate.KindOneofCase.Mark:
                var marked = RequestFields.Id(update.Mark.InstrumentId, "mark.instrument_id");
                var mark = new PricePoint(index, RequestFields.Positive(update.Mark.Price, "mark.price"), at, "mark.instrument_id");
                Instrument(marked).AddMark(mark);
                break;
            case Wire.PriceUpdate.KindOneofCase.Vol:
                var option = RequestFields.Id(update.Vol.InstrumentId, "vol.instrument_id");
                var vol = new PricePoint(index, RequestFields.Positive(update.Vol.Vol, "vol.vol"), at, "vol.instrument_id");
                Instrument(option).AddVol(vol);
                break;
            case Wire.PriceUpdate.KindOneofCase.RiskArray:
                var arrayed = RequestFields.Id(update.RiskArray.InstrumentId, "risk_array.instrument_id");
                var scenarios = Scenarios(update.RiskArray);
                Instrument(arrayed).AddRiskArray(new PricePoint(index, 0, at, "risk_array.instrument_id"), scenarios);
                break;
            case Wire.PriceUpdate.KindOneofCase.SpanDelta:
                var spanned = RequestFields.Id(update.SpanDelta.InstrumentId, "span_delta.instrument_id");
                var delta = new PricePoint(index, Required(update.SpanDelta.Delta, "span_delta.delta"), at, "span_delta.instrument_id");
                Instrument(spanned).AddSpanDelta(delta);
                break;
            case Wire.PriceUpdate.KindOneofCase.OpenInterest:
                var open = RequestFields.Id(update.OpenInterest.InstrumentId, "open_interest.instrument_id");
                var contracts = update.OpenInterest.Contracts is null
                    ? throw InvalidFieldException.Invalid("open_interest.contracts", "is required")
                    : RequestFields.NonNegative(update.OpenInterest.Contracts, "open_interest.contracts");
                Instrument(open).AddOpenInterest(new PricePoint(index, contracts, at, "open_interest.instrument_id"));
                break;
            case Wire.PriceUpdate.KindOneofCase.Rate:
                Rate.Add(new PricePoint(index, Required(update.Rate.Rate, "rate.rate"), at, "rate.rate"));
                break;
            default:
                throw InvalidFieldException.Malformed("kind", $"{update.KindCase} is not a price this server knows");
        }
    }

    private static decimal Required(Wire.Decimal? value, string field)
        => value is null ? throw InvalidFieldException.Invalid(field, "is required") : RequestFields.Signed(value, field);

    private static decimal[] Scenarios(Wire.RiskArray array)
    {
        if (array.Scenarios.Count != 16)
        {
            throw InvalidFieldException.Invalid("risk_array.scenarios", $"needs the 16 SPAN scenarios, got {array.Scenarios.Count}");
        }

        var values = new decimal[16];
        for (var i = 0; i < 16; i++)
        {
            values[i] = Required(array.Scenarios[i], $"risk_array.scenarios[{i}]");
        }

        return values;
    }

    private UnderlyingPrices Underlying(string asset)
    {
        if (!_underlyings.TryGetValue(asset, out var prices))
        {
            prices = new UnderlyingPrices(asset);
            _underlyings.Add(asset, prices);
        }

        return prices;
    }

    private InstrumentQuotes Instrument(string instrumentId)
    {
        if (!_instruments.TryGetValue(instrumentId, out var quotes))
        {
            quotes = new InstrumentQuotes(instrumentId);
            _instruments.Add(instrumentId, quotes);
        }

        return quotes;
    }
}

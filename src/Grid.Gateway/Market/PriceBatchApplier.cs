using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Market;

/// <summary>
/// Applies one PriceBatch: validates each update on its own (invalid ones are listed in the ack, the
/// rest still apply), groups the valid ones per grain so each underlying and instrument grain is
/// called once, and runs those calls concurrently. A grain that refuses or fails rejects its own
/// updates only.
/// </summary>
internal sealed class PriceBatchApplier(IGrainFactory grains, TimeProvider clock, TimeSpan maxClockSkew, ILogger logger)
{
    /// <summary>Most updates one batch may carry (market_data.proto).</summary>
    public const int MaxUpdates = 10_000;

    /// <summary>Applies <paramref name="batch"/>; a batch refused as a whole throws <see cref="InvalidFieldException"/>.</summary>
    public async Task<Wire.PublishAck> Apply(Wire.PriceBatch batch)
    {
        if (batch.Sequence == 0)
        {
            throw InvalidFieldException.Malformed("sequence", "must be greater than zero");
        }

        if (batch.Updates.Count > MaxUpdates)
        {
            throw InvalidFieldException.Invalid("updates", $"at most {MaxUpdates} updates per batch, got {batch.Updates.Count}");
        }

        var ack = new Wire.PublishAck { Sequence = batch.Sequence };
        var rejected = new List<Wire.RejectedUpdate>();
        var underlyings = new Dictionary<string, UnderlyingPrices>(StringComparer.Ordinal);
        var instruments = new Dictionary<string, InstrumentQuotes>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Updates.Count; i++)
        {
            try
            {
                Route(batch.Updates[i], i, clock.GetUtcNow() + maxClockSkew, underlyings, instruments);
            }
            catch (InvalidFieldException e)
            {
                rejected.Add(new Wire.RejectedUpdate { Index = (uint)i, Error = e.ToDetail() });
            }
        }

        var outcomes = await Task.WhenAll(
            underlyings.Values.Select(u => u.Publish(grains, logger)).Concat(instruments.Values.Select(q => q.Publish(grains, logger))));
        foreach (var outcome in outcomes)
        {
            ack.Accepted += outcome.Accepted;
            ack.Stale += outcome.Stale;
            rejected.AddRange(outcome.Rejected);
        }

        ack.Rejected.Add(rejected.OrderBy(r => r.Index));
        return ack;
    }

    /// <summary>
    /// Validates one update and files it under its grain. Field paths are relative to the update. Every
    /// field is checked before the grain's entry is made, so a refused update leaves nothing behind.
    /// </summary>
    private static void Route(
        Wire.PriceUpdate update,
        int index,
        DateTimeOffset latest,
        Dictionary<string, UnderlyingPrices> underlyings,
        Dictionary<string, InstrumentQuotes> instruments)
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
            // Each price is validated into a local first: `Underlying(...)` and `Instrument(...)` create
            // the grain's entry, and as receivers they would run before an argument's validation throws.
            case Wire.PriceUpdate.KindOneofCase.Index:
                var asset = RequestFields.Id(update.Index.Asset, "index.asset");
                var spot = new PricePoint(index, RequestFields.Positive(update.Index.Price, "index.price"), at);
                Underlying(underlyings, asset).AddIndex(spot);
                break;
            case Wire.PriceUpdate.KindOneofCase.Forward:
                var underlying = RequestFields.Id(update.Forward.Underlying, "forward.underlying");
                var expiry = WireTime.ToDateTimeOffset(update.Forward.Expiry, "forward.expiry");
                var forward = new PricePoint(index, RequestFields.Positive(update.Forward.Price, "forward.price"), at);
                Underlying(underlyings, underlying).AddForward(expiry, forward);
                break;
            case Wire.PriceUpdate.KindOneofCase.Mark:
                var marked = RequestFields.Id(update.Mark.InstrumentId, "mark.instrument_id");
                var mark = new PricePoint(index, RequestFields.Positive(update.Mark.Price, "mark.price"), at);
                Instrument(instruments, marked).AddMark(mark);
                break;
            default:
                var option = RequestFields.Id(update.Vol.InstrumentId, "vol.instrument_id");
                var vol = new PricePoint(index, RequestFields.Positive(update.Vol.Vol, "vol.vol"), at);
                Instrument(instruments, option).AddVol(vol);
                break;
        }
    }

    private static UnderlyingPrices Underlying(Dictionary<string, UnderlyingPrices> underlyings, string asset)
    {
        if (!underlyings.TryGetValue(asset, out var prices))
        {
            prices = new UnderlyingPrices(asset);
            underlyings.Add(asset, prices);
        }

        return prices;
    }

    private static InstrumentQuotes Instrument(Dictionary<string, InstrumentQuotes> instruments, string instrumentId)
    {
        if (!instruments.TryGetValue(instrumentId, out var quotes))
        {
            quotes = new InstrumentQuotes(instrumentId);
            instruments.Add(instrumentId, quotes);
        }

        return quotes;
    }
}

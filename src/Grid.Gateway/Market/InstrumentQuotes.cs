using Grid.Abstractions.Market;
using Grid.Gateway.Faults;
using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Market;

/// <summary>
/// A batch's updates of one instrument (mark, vol, risk array, span delta, open interest), stored in one
/// instrument grain call, each with its own instant. The grain does not publish them: the batch does, as
/// one market step.
/// </summary>
internal sealed class InstrumentQuotes(string instrumentId)
{
    private readonly List<PricePoint> _superseded = [];
    private readonly Dictionary<int, decimal[]> _arrays = [];
    private PricePoint? _mark;
    private PricePoint? _vol;
    private PricePoint? _array;
    private PricePoint? _delta;
    private PricePoint? _openInterest;

    public void AddMark(PricePoint point) => _mark = PricePoint.Newer(_mark, point, _superseded);

    public void AddVol(PricePoint point) => _vol = PricePoint.Newer(_vol, point, _superseded);

    /// <summary>A risk array; <paramref name="point"/> carries its instant, <paramref name="scenarios"/> its 16 values.</summary>
    public void AddRiskArray(PricePoint point, decimal[] scenarios)
    {
        _arrays[point.Index] = scenarios;
        _array = PricePoint.Newer(_array, point, _superseded);
    }

    public void AddSpanDelta(PricePoint point) => _delta = PricePoint.Newer(_delta, point, _superseded);

    public void AddOpenInterest(PricePoint point) => _openInterest = PricePoint.Newer(_openInterest, point, _superseded);

    public async Task<PriceOutcome> Store(IGrainFactory grains, ILogger logger)
    {
        var held = Held().ToList();
        InstrumentInfo info;
        try
        {
            info = await grains.GetGrain<IInstrumentGrain>(instrumentId).StorePrices(new InstrumentPrices
            {
                Mark = _mark?.Value, MarkAt = _mark?.At,
                Vol = _vol?.Value, VolAt = _vol?.At,
                SpanArray = _array is { } a ? _arrays[a.Index] : null, SpanArrayAt = _array?.At,
                SpanDelta = _delta?.Value, SpanDeltaAt = _delta?.At,
                OpenInterest = _openInterest?.Value, OpenInterestAt = _openInterest?.At,
                At = held[0].At,
            });
        }
        catch (Exception e)
        {
            var error = GrainFaults.Classify(e, Wire.ErrorCode.UnknownInstrument);
            if (error.Code == Wire.ErrorCode.Unavailable)
            {
                GatewayLog.PricePublishFailed(logger, $"instrument {instrumentId}", e);
            }

            return PriceOutcome.RejectAll(_superseded.Concat(held).Select(p => (p.Index, p.KeyField)), error, Wire.ErrorCode.UnknownInstrument);
        }

        var stale = _superseded.Count
            + (_mark?.StaleAgainst(info.MarkAt) ?? 0)
            + (_vol?.StaleAgainst(info.VolAt) ?? 0)
            + (_array?.StaleAgainst(info.SpanArrayAt) ?? 0)
            + (_delta?.StaleAgainst(info.SpanDeltaAt) ?? 0)
            + (_openInterest?.StaleAgainst(info.OpenInterestAt) ?? 0);
        var accepted = _superseded.Count + held.Count - stale;
        return new PriceOutcome
        {
            Accepted = (uint)accepted,
            Stale = (uint)stale,
            Change = accepted > 0 ? new MarketChange { Instrument = info } : null,
        };
    }

    private IEnumerable<PricePoint> Held()
    {
        foreach (var point in new[] { _mark, _vol, _array, _delta, _openInterest })
        {
            if (point is { } p)
            {
                yield return p;
            }
        }
    }
}

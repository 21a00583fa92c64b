using Grid.Abstractions.Market;
using Grid.Gateway.Faults;
using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Market;

/// <summary>
/// A batch's mark and vol updates of one instrument, published in one instrument grain call. The
/// grain takes one instant per call, so a mark and a vol observed at different instants go in two
/// calls, still from this one task.
/// </summary>
internal sealed class InstrumentQuotes(string instrumentId)
{
    private readonly List<int> _superseded = [];
    private PricePoint? _mark;
    private PricePoint? _vol;

    public void AddMark(PricePoint point) => _mark = PricePoint.Newer(_mark, point, _superseded);

    public void AddVol(PricePoint point) => _vol = PricePoint.Newer(_vol, point, _superseded);

    public async Task<PriceOutcome> Publish(IGrainFactory grains, ILogger logger)
    {
        var grain = grains.GetGrain<IInstrumentGrain>(instrumentId);
        InstrumentInfo info;
        try
        {
            if (_mark is { } m && _vol is { } v && m.At != v.At)
            {
                await grain.PublishPrices(new InstrumentPrices { Mark = m.Value, At = m.At });
                info = await grain.PublishPrices(new InstrumentPrices { Vol = v.Value, At = v.At });
            }
            else
            {
                info = await grain.PublishPrices(new InstrumentPrices { Mark = _mark?.Value, Vol = _vol?.Value, At = (_mark ?? _vol)!.Value.At });
            }
        }
        catch (Exception e)
        {
            var error = GrainFaults.Classify(e, Wire.ErrorCode.UnknownInstrument);
            if (error.Code == Wire.ErrorCode.Unavailable)
            {
                GatewayLog.PricePublishFailed(logger, $"instrument {instrumentId}", e);
            }

            return PriceOutcome.RejectAll(Indexes(), error);
        }

        var stale = _superseded.Count
            + (_mark is { } mark && info.MarkAt > mark.At ? 1 : 0)
            + (_vol is { } vol && info.VolAt > vol.At ? 1 : 0);
        var total = _superseded.Count + (_mark is null ? 0 : 1) + (_vol is null ? 0 : 1);
        return new PriceOutcome { Accepted = (uint)(total - stale), Stale = (uint)stale };
    }

    private IEnumerable<int> Indexes()
        => _superseded.Concat(_mark is { } m ? [m.Index] : []).Concat(_vol is { } v ? [v.Index] : []);
}

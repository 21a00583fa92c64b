using Grid.Abstractions.Market;
using Grid.Gateway.Faults;
using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Market;

/// <summary>A batch's risk-free rate updates (the newest wins), stored in one rulebook grain call and published with the batch.</summary>
internal sealed class RateQuote
{
    private readonly List<PricePoint> _superseded = [];
    private PricePoint? _rate;

    public void Add(PricePoint point) => _rate = PricePoint.Newer(_rate, point, _superseded);

    public async Task<PriceOutcome> Store(IGrainFactory grains, string rulebookKey, ILogger logger)
    {
        if (_rate is not { } rate)
        {
            return new PriceOutcome();
        }

        RulebookInfo info;
        try
        {
            info = await grains.GetGrain<IRulebookGrain>(rulebookKey).StoreRate(rate.Value, rate.At);
        }
        catch (Exception e)
        {
            var error = GrainFaults.Classify(e, Wire.ErrorCode.InvalidField);
            if (error.Code == Wire.ErrorCode.Unavailable)
            {
                GatewayLog.PricePublishFailed(logger, "the risk-free rate", e);
            }

            return PriceOutcome.RejectAll(_superseded.Append(rate).Select(p => (p.Index, p.KeyField)), error, Wire.ErrorCode.Unspecified);
        }

        var stale = _superseded.Count + rate.StaleAgainst(info.RateAt);
        var accepted = _superseded.Count + 1 - stale;
        return new PriceOutcome { Accepted = (uint)accepted, Stale = (uint)stale, Change = accepted > 0 ? new MarketChange { Rulebook = info } : null };
    }
}

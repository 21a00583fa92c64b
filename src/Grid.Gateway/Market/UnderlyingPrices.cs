using Grid.Abstractions.Market;
using Grid.Gateway.Faults;
using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Market;

/// <summary>
/// A batch's index, forward and dividend-yield updates of one asset, stored in one underlying grain call.
/// The grain does not publish them: the batch does, as one market step.
/// </summary>
internal sealed class UnderlyingPrices(string asset)
{
    private readonly Dictionary<DateTimeOffset, PricePoint> _forwards = [];
    private readonly List<PricePoint> _superseded = [];
    private PricePoint? _index;
    private PricePoint? _dividendYield;

    public void AddIndex(PricePoint point) => _index = PricePoint.Newer(_index, point, _superseded);

    public void AddForward(DateTimeOffset expiry, PricePoint point)
        => _forwards[expiry] = PricePoint.Newer(_forwards.TryGetValue(expiry, out var held) ? held : null, point, _superseded);

    public void AddDividendYield(PricePoint point) => _dividendYield = PricePoint.Newer(_dividendYield, point, _superseded);

    public async Task<PriceOutcome> Store(IGrainFactory grains, ILogger logger)
    {
        UnderlyingInfo info;
        try
        {
            info = await grains.GetGrain<IUnderlyingGrain>(asset).StorePrices(new UnderlyingUpdate
            {
                Index = _index?.Value,
                IndexAt = _index?.At ?? default,
                Forwards = [.. _forwards.Select(f => new ForwardPoint(f.Key, f.Value.Value, f.Value.At))],
                DividendYield = _dividendYield?.Value,
                DividendYieldAt = _dividendYield?.At ?? default,
            });
        }
        catch (Exception e)
        {
            var error = GrainFaults.Classify(e, Wire.ErrorCode.UnknownAsset);
            if (error.Code == Wire.ErrorCode.Unavailable)
            {
                GatewayLog.PricePublishFailed(logger, $"underlying {asset}", e);
            }

            return PriceOutcome.RejectAll(All().Select(p => (p.Index, p.KeyField)), error, Wire.ErrorCode.UnknownAsset);
        }

        // The grain keeps the newest observation of each key; one it held that is newer made this update stale.
        var heldForwards = info.Forwards.ToDictionary(f => f.Expiry, f => f.At);
        var stale = _superseded.Count
            + (_index?.StaleAgainst(info.IndexAt) ?? 0)
            + (_dividendYield?.StaleAgainst(info.DividendYieldAt) ?? 0)
            + _forwards.Count(f => heldForwards.TryGetValue(f.Key, out var heldAt) && heldAt > f.Value.At);
        var accepted = All().Count() - stale;
        return new PriceOutcome
        {
            Accepted = (uint)accepted,
            Stale = (uint)stale,
            Change = accepted > 0 ? new MarketChange { Underlying = info } : null,
        };
    }

    private IEnumerable<PricePoint> All()
        => _superseded.Concat(_forwards.Values).Concat(_index is { } i ? [i] : []).Concat(_dividendYield is { } d ? [d] : []);
}

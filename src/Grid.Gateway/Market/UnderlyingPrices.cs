using Grid.Abstractions.Market;
using Grid.Gateway.Faults;
using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Market;

/// <summary>A batch's index and forward updates of one asset, published in one underlying grain call.</summary>
internal sealed class UnderlyingPrices(string asset)
{
    private readonly Dictionary<DateTimeOffset, PricePoint> _forwards = [];
    private readonly List<int> _superseded = [];
    private PricePoint? _index;

    public void AddIndex(PricePoint point) => _index = PricePoint.Newer(_index, point, _superseded);

    public void AddForward(DateTimeOffset expiry, PricePoint point)
        => _forwards[expiry] = PricePoint.Newer(_forwards.TryGetValue(expiry, out var held) ? held : null, point, _superseded);

    public async Task<PriceOutcome> Publish(IGrainFactory grains, ILogger logger)
    {
        var forwards = _forwards.Select(f => new ForwardPoint(f.Key, f.Value.Value, f.Value.At)).ToList();
        var at = _index?.At ?? _forwards.Values.Max(f => f.At);
        UnderlyingInfo info;
        try
        {
            info = await grains.GetGrain<IUnderlyingGrain>(asset).Publish(_index?.Value, forwards, dividendYield: null, at);
        }
        catch (Exception e)
        {
            var error = GrainFaults.Classify(e, Wire.ErrorCode.UnknownAsset);
            if (error.Code == Wire.ErrorCode.Unavailable)
            {
                GatewayLog.PricePublishFailed(logger, $"underlying {asset}", e);
            }

            return PriceOutcome.RejectAll(Indexes(), error);
        }

        // The grain keeps the newest observation of each key; one it held that is newer made this update stale.
        var stale = _superseded.Count;
        if (_index is { } index && info.IndexAt > index.At)
        {
            stale++;
        }

        var held = info.Forwards.ToDictionary(f => f.Expiry, f => f.At);
        stale += _forwards.Count(f => held.TryGetValue(f.Key, out var heldAt) && heldAt > f.Value.At);
        var total = _superseded.Count + (_index is null ? 0 : 1) + _forwards.Count;
        return new PriceOutcome { Accepted = (uint)(total - stale), Stale = (uint)stale };
    }

    private IEnumerable<int> Indexes()
        => _superseded.Concat(_forwards.Values.Select(f => f.Index)).Concat(_index is { } i ? [i.Index] : []);
}

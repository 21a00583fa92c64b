using Grid.Abstractions.Market;
using Grid.Gateway.Conversion;
using Grid.Gateway.Faults;
using Grid.Gateway.Validation;
using Grid.Risk.Instruments;
using Grpc.Core;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Market;

/// <summary>
/// What one MarketData.Subscribe call asked for, resolved against the market when it started: the
/// instruments named or in the groups named (their marks and vols), and their underlyings (index and
/// forwards). An empty request asks for everything, including instruments listed later.
/// </summary>
internal sealed class PriceFilter
{
    private readonly HashSet<string> _groups;
    private readonly HashSet<string> _instruments;
    private readonly HashSet<string> _assets = new(StringComparer.Ordinal);

    private PriceFilter(HashSet<string> groups, HashSet<string> instruments)
    {
        _groups = groups;
        _instruments = instruments;
    }

    private bool Everything => _groups.Count == 0 && _instruments.Count == 0;

    /// <summary>Checks the request against <paramref name="market"/>: a group or instrument it does not hold is refused.</summary>
    /// <exception cref="RpcException">INVALID_ARGUMENT for an unknown group or a bad id, NOT_FOUND for an unknown instrument.</exception>
    public static PriceFilter From(Wire.SubscribeMarketRequest request, MarketState market)
    {
        var filter = new PriceFilter(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        try
        {
            foreach (var g in request.Groups)
            {
                var group = RequestFields.Id(g, "groups");
                if (!market.Instruments.Any(i => GroupOf(i.Spec) == group))
                {
                    throw InvalidFieldException.Invalid("groups", $"no listed instrument is in group {group}");
                }

                filter._groups.Add(group);
            }

            foreach (var id in request.InstrumentIds)
            {
                filter._instruments.Add(RequestFields.Id(id, "instrument_ids"));
            }
        }
        catch (InvalidFieldException e)
        {
            throw WireErrors.ToRpcException(e.ToDetail());
        }

        foreach (var id in filter._instruments)
        {
            if (!market.Instruments.Any(i => i.Spec.Id == id))
            {
                throw WireErrors.ToRpcException(WireErrors.Detail(Wire.ErrorCode.UnknownInstrument, "instrument_ids", $"{id} is not listed"), StatusCode.NotFound);
            }
        }

        foreach (var i in market.Instruments)
        {
            filter.Follow(i);
        }

        return filter;
    }

    /// <summary>The price updates <paramref name="change"/> carries for this watcher (none when it is not watched).</summary>
    public IEnumerable<Wire.PriceUpdate> Updates(MarketChange change)
    {
        if (change.Instrument is { } i && Follow(i))
        {
            if (i.Mark > 0 && !i.Spec.Kind.IsOption())
            {
                yield return new Wire.PriceUpdate { ObservedAt = WireTime.From(i.MarkAt), Mark = new Wire.MarkPrice { InstrumentId = i.Spec.Id, Price = WireDecimal.From(i.Mark) } };
            }

            if (i.Vol > 0 && i.Spec.Kind.IsOption())
            {
                yield return new Wire.PriceUpdate { ObservedAt = WireTime.From(i.VolAt), Vol = new Wire.ImpliedVol { InstrumentId = i.Spec.Id, Vol = WireDecimal.From(i.Vol) } };
            }
        }

        if (change.Underlying is { } u && (Everything || _assets.Contains(u.Asset)))
        {
            if (u.Index > 0)
            {
                yield return new Wire.PriceUpdate { ObservedAt = WireTime.From(u.IndexAt), Index = new Wire.IndexPrice { Asset = u.Asset, Price = WireDecimal.From(u.Index) } };
            }

            foreach (var f in u.Forwards)
            {
                yield return new Wire.PriceUpdate
                {
                    ObservedAt = WireTime.From(f.At),
                    Forward = new Wire.ForwardPrice { Underlying = u.Asset, Expiry = WireTime.From(f.Expiry), Price = WireDecimal.From(f.Price) },
                };
            }
        }
    }

    private static string? GroupOf(InstrumentSpec spec) => spec.Group ?? spec.Underlying;

    // True when the instrument is watched; its underlying is watched from then on.
    private bool Follow(InstrumentInfo i)
    {
        if (!Everything && !_instruments.Contains(i.Spec.Id) && !(GroupOf(i.Spec) is { } g && _groups.Contains(g)))
        {
            return false;
        }

        if (i.Spec.Underlying is { } asset)
        {
            _assets.Add(asset);
        }

        return true;
    }
}

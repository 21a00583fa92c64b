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
/// instruments named or in the groups named (their marks, vols, risk arrays, span deltas and open
/// interest), their underlyings (index, forwards, dividend yield), and the rate. An empty request asks
/// for everything, including instruments listed later. Remembers what it sent, so each observation of
/// a key goes out once.
/// </summary>
internal sealed class PriceFilter
{
    private readonly HashSet<string> _groups;
    private readonly HashSet<string> _instruments;
    private readonly HashSet<string> _assets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _sent = new(StringComparer.Ordinal);

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

    /// <summary>
    /// The price updates <paramref name="change"/> carries for this watcher: each watched price key whose
    /// observation is not the one last sent (a change re-states every key of its grain; only the moved
    /// ones go out). None when nothing it carries is watched.
    /// </summary>
    public IEnumerable<Wire.PriceUpdate> Updates(MarketChange change)
    {
        if (change.Instrument is { } i && Follow(i))
        {
            var id = i.Spec.Id;
            if (i.Mark > 0 && !i.Spec.Kind.IsOption() && Moved("m:" + id, i.MarkAt))
            {
                yield return new Wire.PriceUpdate { ObservedAt = WireTime.From(i.MarkAt), Mark = new Wire.MarkPrice { InstrumentId = id, Price = WireDecimal.From(i.Mark) } };
            }

            if (i.Vol > 0 && i.Spec.Kind.IsOption() && Moved("v:" + id, i.VolAt))
            {
                yield return new Wire.PriceUpdate { ObservedAt = WireTime.From(i.VolAt), Vol = new Wire.ImpliedVol { InstrumentId = id, Vol = WireDecimal.From(i.Vol) } };
            }

            if (i.SpanArray.Count == 16 && Moved("a:" + id, i.SpanArrayAt))
            {
                var array = new Wire.RiskArray { InstrumentId = id };
                array.Scenarios.Add(i.SpanArray.Select(v => WireDecimal.From(v)));
                yield return new Wire.PriceUpdate { ObservedAt = WireTime.FromOptional(i.SpanArrayAt), RiskArray = array };
            }

            if (i.HasSpanDelta && Moved("d:" + id, i.SpanDeltaAt))
            {
                yield return new Wire.PriceUpdate { ObservedAt = WireTime.FromOptional(i.SpanDeltaAt), SpanDelta = new Wire.SpanDelta { InstrumentId = id, Delta = WireDecimal.From(i.SpanDelta) } };
            }

            if ((i.OpenInterestAt != default || i.OpenInterest > 0) && Moved("o:" + id, i.OpenInterestAt))
            {
                yield return new Wire.PriceUpdate
                {
                    ObservedAt = WireTime.FromOptional(i.OpenInterestAt), OpenInterest = new Wire.OpenInterest { InstrumentId = id, Contracts = WireDecimal.From(i.OpenInterest) },
                };
            }
        }

        if (change.Underlying is { } u && (Everything || _assets.Contains(u.Asset)))
        {
            if (u.Index > 0 && Moved("i:" + u.Asset, u.IndexAt))
            {
                yield return new Wire.PriceUpdate { ObservedAt = WireTime.From(u.IndexAt), Index = new Wire.IndexPrice { Asset = u.Asset, Price = WireDecimal.From(u.Index) } };
            }

            foreach (var f in u.Forwards)
            {
                if (Moved($"f:{u.Asset}:{f.Expiry.UtcTicks}", f.At))
                {
                    yield return new Wire.PriceUpdate
                    {
                        ObservedAt = WireTime.From(f.At),
                        Forward = new Wire.ForwardPrice { Underlying = u.Asset, Expiry = WireTime.From(f.Expiry), Price = WireDecimal.From(f.Price) },
                    };
                }
            }

            if ((u.DividendYieldAt != default || u.DividendYield != 0) && Moved("q:" + u.Asset, u.DividendYieldAt))
            {
                yield return new Wire.PriceUpdate
                {
                    ObservedAt = WireTime.FromOptional(u.DividendYieldAt), DividendYield = new Wire.DividendYield { Asset = u.Asset, Yield = WireDecimal.From(u.DividendYield) },
                };
            }
        }

        // The rate belongs to no group: every watcher gets it.
        if (change.Rulebook is { } r && (r.RateAt != default || r.Rate != 0) && Moved("r", r.RateAt))
        {
            yield return new Wire.PriceUpdate { ObservedAt = WireTime.FromOptional(r.RateAt), Rate = new Wire.RiskFreeRate { Rate = WireDecimal.From(r.Rate) } };
        }
    }

    // True (and remembered) when the key's observation differs from the one last sent.
    private bool Moved(string key, DateTimeOffset observed)
    {
        if (_sent.TryGetValue(key, out var sent) && sent == observed)
        {
            return false;
        }

        _sent[key] = observed;
        return true;
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

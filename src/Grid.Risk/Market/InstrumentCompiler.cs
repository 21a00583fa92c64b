using Grid.Risk.Instruments;
using Grid.Risk.Pricing;
using Grid.Risk.Rulebooks;
using Grid.Risk.Scenarios;

namespace Grid.Risk.Market;

/// <summary>
/// Computes an instrument's per-contract risk array, delta and value from the market (Rulebook §0,
/// §3.3). Every market input is checked: a missing, NaN, zero or negative price or vol, or an
/// expired option, is a <see cref="RiskInputException"/>, never a wrong number. An option's time to
/// expiry runs from its group's instant (<see cref="GroupModel.Instant"/>).
/// </summary>
internal sealed class InstrumentCompiler(
    Rulebook rulebook,
    MarketSnapshot market,
    Dictionary<string, int> groupIndex,
    ScenarioGrid[] grids,
    Dictionary<string, int> assetIndex,
    AssetRisk[] assets,
    DateTimeOffset[] instants)
{
    private readonly Dictionary<(int Group, DateTimeOffset Expiry, double Strike), int> _slots = [];
    private readonly List<double>[] _slotForwards = Enumerable.Range(0, grids.Length).Select(_ => new List<double>()).ToArray();

    public double[] SlotForwards(int group) => [.. _slotForwards[group]];

    public InstrumentRisk Compile(int index, Instrument spec)
    {
        var field = $"instruments.{spec.Id}";
        if (!(spec.Multiplier > 0) || !double.IsFinite(spec.Multiplier))
        {
            throw new RiskInputException($"{field}.multiplier", $"{spec.Multiplier} must be a positive number");
        }

        if (spec.Kind.IsCash())
        {
            return CompileCash(index, spec, field);
        }

        if (spec.Group is null || !groupIndex.TryGetValue(spec.Group, out var group))
        {
            throw new RiskInputException($"{field}.group", $"'{spec.Group}' is not a group of rulebook {rulebook.Version}");
        }

        var rule = rulebook.Groups[spec.Group];
        if ((rule.Grid == GridKind.Span16) != (spec.Kind == InstrumentKind.SpanFuture))
        {
            throw new RiskInputException($"{field}.group", $"a {spec.Kind.ToWire()} cannot sit in {rule.Grid} group {spec.Group}");
        }

        return spec.Kind switch
        {
            InstrumentKind.LinearPerp or InstrumentKind.LinearFuture => CompileLinear(index, spec, group, rule, field),
            InstrumentKind.InversePerp or InstrumentKind.InverseFuture => CompileInverse(index, spec, group, rule, field),
            InstrumentKind.Option or InstrumentKind.InverseOption => CompileOption(index, spec, group, rule, field),
            InstrumentKind.SpanFuture => CompileSpan(index, spec, group, field),
            _ => throw new RiskInputException($"{field}.kind", $"{spec.Kind} is not supported"),
        };
    }

    private InstrumentRisk CompileLinear(int index, Instrument spec, int group, GroupRule rule, string field)
    {
        var mark = Price(market.Marks, spec.Id, $"marks.{spec.Id}");
        var shocks = grids[group].Shocks;
        var ra = new double[shocks.Length];
        var notional = spec.Multiplier * mark;
        for (var j = 0; j < ra.Length; j++)
        {
            ra[j] = notional * shocks[j];
        }

        var min = rule.MinPerContract * spec.Multiplier;
        return new InstrumentRisk
        {
            Index = index, Spec = spec, Kind = spec.Kind, Group = group, Multiplier = spec.Multiplier, RiskArray = ra,
            Delta = notional, DeltaOneNotional = notional, Mark = mark, Forward = mark,
            UnderlyingPrice = UnderlyingIndex(spec, field, required: false) ?? mark,
            MinPerShortContract = min, MinPerLongContract = min, OpenInterest = OpenInterest(spec),
        };
    }

    private InstrumentRisk CompileInverse(int index, Instrument spec, int group, GroupRule rule, string field)
    {
        var mark = Price(market.Marks, spec.Id, $"marks.{spec.Id}");
        var index0 = UnderlyingIndex(spec, field, required: true)!.Value;
        var shocks = grids[group].Shocks;
        var ra = new double[shocks.Length];
        // Rulebook §0: PnL_RC = N·(P0/F0)·s, the same as N/F0 coins held linearly.
        var notional = spec.Multiplier * index0 / mark;
        for (var j = 0; j < ra.Length; j++)
        {
            ra[j] = notional * shocks[j];
        }

        var min = rule.MinPerContract * spec.Multiplier;
        return new InstrumentRisk
        {
            Index = index, Spec = spec, Kind = spec.Kind, Group = group, Multiplier = spec.Multiplier, RiskArray = ra,
            Delta = notional, DeltaOneNotional = notional, Mark = mark, Forward = mark, UnderlyingPrice = index0,
            MinPerShortContract = min, MinPerLongContract = min, OpenInterest = OpenInterest(spec),
        };
    }

    private InstrumentRisk CompileSpan(int index, Instrument spec, int group, string field)
    {
        if (!market.RiskArrays.TryGetValue(spec.Id, out var published) || published.Length != 16)
        {
            throw new RiskInputException($"riskArrays.{spec.Id}", "a span16 instrument needs a published array of 16 values");
        }

        var ra = new double[16];
        for (var j = 0; j < 16; j++)
        {
            ra[j] = double.IsFinite(published[j]) ? published[j] * spec.Multiplier : throw new RiskInputException($"riskArrays.{spec.Id}[{j}]", "is not a finite number");
        }

        var mark = Price(market.Marks, spec.Id, $"marks.{spec.Id}");

        // Rulebook §4 item 29: the published delta per unit when there is one, else a linear future's q·mult·mark.
        var delta = market.SpanDeltas.TryGetValue(spec.Id, out var d) && double.IsFinite(d) ? d * spec.Multiplier : spec.Multiplier * mark;
        return new InstrumentRisk
        {
            Index = index, Spec = spec, Kind = spec.Kind, Group = group, Multiplier = spec.Multiplier, RiskArray = ra,
            Delta = delta, DeltaOneNotional = Math.Abs(delta), Mark = mark, Forward = mark, UnderlyingPrice = mark,
        };
    }

    private InstrumentRisk CompileOption(int index, Instrument spec, int group, GroupRule rule, string field)
    {
        if (spec.OptionType is null)
        {
            throw new RiskInputException($"{field}.optionType", "an option needs C or P");
        }

        if (!(spec.Strike > 0) || !double.IsFinite(spec.Strike))
        {
            throw new RiskInputException($"{field}.strike", $"{spec.Strike} must be a positive number");
        }

        if (spec.Expiry is not { } expiry)
        {
            throw new RiskInputException($"{field}.expiry", "an option needs an expiry");
        }

        var instant = instants[group] == default ? market.AsOf : instants[group];
        var days = (expiry - instant).TotalDays;
        if (!(days > 0))
        {
            throw new RiskInputException($"{field}.expiry", $"expired at {expiry:O} (as of {instant:O})");
        }

        var vol = Price(market.Vols, spec.Id, $"vols.{spec.Id}");
        var years = days / 365.0;
        var underlyingKind = spec.Underlying is not null && rulebook.Assets.TryGetValue(spec.Underlying, out var ua) ? ua.Kind : AssetKind.Crypto;
        var crypto = underlyingKind is AssetKind.Crypto || spec.Kind == InstrumentKind.InverseOption;
        var index0 = UnderlyingIndex(spec, field, required: !crypto || spec.Kind == InstrumentKind.InverseOption);
        double forward, discount;
        if (crypto)
        {
            forward = Forward(spec, expiry, field);
            discount = 1;
        }
        else
        {
            var r = market.Rate;
            var q = market.DivYields.TryGetValue(spec.Underlying!, out var dq) ? dq : 0;
            if (!double.IsFinite(r) || !double.IsFinite(q))
            {
                throw new RiskInputException("rate", "rate and dividend yields must be finite");
            }

            forward = index0!.Value * Math.Exp((r - q) * years);
            discount = Math.Exp(-r * years);
        }

        var isCall = spec.OptionType == Instruments.OptionType.Call;
        var v0 = Black76.Price(isCall, forward, spec.Strike, years, vol, discount);
        var grid = grids[group];
        var ra = new double[grid.Count];
        var m = rule.Vol?.Multiplier(days) ?? 1;
        // Inverse options are worth B76·P/F in USD; P/F is unchanged by a shock that moves both.
        var scale = spec.Multiplier * (spec.Kind == InstrumentKind.InverseOption ? index0!.Value / forward : 1);
        for (var j = 0; j < ra.Length; j++)
        {
            var shockedVol = ShockedVol(rule, grid.Vols[j], vol, m);
            ra[j] = scale * (Black76.Price(isCall, forward * (1 + grid.Shocks[j]), spec.Strike, years, shockedVol, discount) - v0);
        }

        var delta = Black76.Delta(isCall, forward, spec.Strike, years, vol, discount);
        var inverse = spec.Kind == InstrumentKind.InverseOption;
        var slotKey = (group, expiry, spec.Strike);
        if (!_slots.TryGetValue(slotKey, out var slot))
        {
            slot = _slotForwards[group].Count;
            _slots[slotKey] = slot;
            _slotForwards[group].Add(forward);
        }

        return new InstrumentRisk
        {
            Index = index, Spec = spec, Kind = spec.Kind, Group = group, Multiplier = spec.Multiplier, RiskArray = ra,
            Delta = spec.Multiplier * delta * (inverse ? index0!.Value : forward),
            Value = scale * v0,
            Mark = inverse ? v0 / forward : v0,
            UnderlyingPrice = index0 ?? forward,
            Forward = forward, Strike = spec.Strike, IsCall = isCall, Years = years, Discount = discount, Vol = vol,
            UnderlyingIsIndex = underlyingKind == AssetKind.Index, CryptoUnderlying = crypto, SomSlot = slot,
            MinPerShortContract = rule.MinPerContract * spec.Multiplier,
            MinPerLongContract = spec.Multiplier * Math.Min(rule.MinPerContract, scale * v0 / spec.Multiplier),
        };
    }

    private InstrumentRisk CompileCash(int index, Instrument spec, string field)
    {
        var baseCode = spec.Underlying ?? throw new RiskInputException($"{field}.underlying", "a spot pair or stock needs its base asset");
        if (!assetIndex.TryGetValue(baseCode, out var baseAsset))
        {
            throw new RiskInputException($"{field}.underlying", $"asset '{baseCode}' is not in rulebook {rulebook.Version}");
        }

        var quoteCode = spec.Quote ?? (spec.Kind == InstrumentKind.Spot ? "USDT" : "USD");
        if (!assetIndex.TryGetValue(quoteCode, out var quoteAsset))
        {
            throw new RiskInputException($"{field}.quote", $"asset '{quoteCode}' is not in rulebook {rulebook.Version}");
        }

        if (baseAsset == quoteAsset)
        {
            throw new RiskInputException($"{field}.quote", "base and quote must differ");
        }

        var basePrice = assets[baseAsset].Price;
        var quotePrice = assets[quoteAsset].Price;
        if (double.IsNaN(basePrice) || double.IsNaN(quotePrice))
        {
            throw new RiskInputException($"index.{(double.IsNaN(basePrice) ? baseCode : quoteCode)}", "is missing");
        }

        var group = assets[baseAsset].Group >= 0 ? assets[baseAsset].Group : assets[quoteAsset].Group;
        return new InstrumentRisk
        {
            Index = index, Spec = spec with { Quote = quoteCode }, Kind = spec.Kind, Group = group, Multiplier = 1,
            Mark = basePrice / quotePrice, UnderlyingPrice = basePrice, Forward = basePrice,
            BaseAsset = baseAsset, QuoteAsset = quoteAsset,
        };
    }

    private static double ShockedVol(GroupRule rule, VolState state, double vol, double m)
    {
        if (rule.Vol is not { } shock || rule.Grid != GridKind.Crypto)
        {
            return vol;
        }

        return state switch
        {
            VolState.Up => Math.Max(vol * (1 + shock.Up * m), shock.MinUp),
            VolState.Down => vol * Math.Max(0, 1 - shock.Down * m),
            _ => vol,
        };
    }

    private double Forward(Instrument spec, DateTimeOffset expiry, string field)
    {
        if (spec.Underlying is null || !market.Forwards.TryGetValue(spec.Underlying, out var curve) || !curve.TryGetValue(expiry, out var f))
        {
            throw new RiskInputException($"forwards.{spec.Underlying}.{expiry:O}", $"no forward for {spec.Id}");
        }

        return double.IsFinite(f) && f > 0 ? f : throw new RiskInputException($"forwards.{spec.Underlying}.{expiry:O}", $"{f} must be a positive number");
    }

    private double? UnderlyingIndex(Instrument spec, string field, bool required)
    {
        if (spec.Underlying is not null && assetIndex.TryGetValue(spec.Underlying, out var a) && !double.IsNaN(assets[a].Price))
        {
            return assets[a].Price;
        }

        if (spec.Underlying is not null && market.Index.TryGetValue(spec.Underlying, out var p))
        {
            return double.IsFinite(p) && p > 0 ? p : throw new RiskInputException($"index.{spec.Underlying}", $"{p} must be a positive number");
        }

        return required ? throw new RiskInputException($"index.{spec.Underlying}", $"no index price for the underlying of {spec.Id}") : null;
    }

    private double OpenInterest(Instrument spec) => market.OpenInterest.TryGetValue(spec.Id, out var oi) && double.IsFinite(oi) && oi > 0 ? oi : 0;

    private static double Price(IReadOnlyDictionary<string, double> map, string key, string field)
    {
        if (!map.TryGetValue(key, out var value))
        {
            throw new RiskInputException(field, "is missing");
        }

        return double.IsFinite(value) && value > 0 ? value : throw new RiskInputException(field, $"{value} must be a positive number");
    }
}

using Grid.Abstractions.Market;
using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Grid.Risk.Rulebooks;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Admin;

/// <summary>
/// Instrument specs and market state between the wire and the grain views. Structural checks that
/// need the rulebook (groups, expiries against now) stay with the instrument grain.
/// </summary>
internal static class InstrumentMessages
{
    /// <summary>Reads and validates the spec of an upsert; field paths start at "instrument".</summary>
    public static InstrumentSpec ToSpec(Wire.InstrumentSpec? spec)
    {
        if (spec is null)
        {
            throw InvalidFieldException.Malformed("instrument", "is required");
        }

        var std = spec.StdOverride;
        var style = StdStyle.Bracket;
        if (std is not null && !WireEnums.TryRead(std.Style, out style))
        {
            throw InvalidFieldException.Invalid("instrument.std_override.style", $"{std.Style} is not a known STD style");
        }

        return new InstrumentSpec
        {
            Id = RequestFields.Id(spec.Id, "instrument.id"),
            Kind = WireEnums.TryRead(spec.Kind, out var kind) ? kind : throw InvalidFieldException.Invalid("instrument.kind", $"{spec.Kind} is not a known instrument kind"),
            Group = OptionalId(spec.Group, "instrument.group"),
            Underlying = OptionalId(spec.Underlying, "instrument.underlying"),
            Multiplier = RequestFields.OptionalPositive(spec.Multiplier, "instrument.multiplier") ?? 1,
            Settlement = OptionalId(spec.Settlement, "instrument.settlement"),
            Expiry = spec.Expiry is null ? null : WireTime.ToDateTimeOffset(spec.Expiry, "instrument.expiry"),
            Strike = RequestFields.OptionalPositive(spec.Strike, "instrument.strike") ?? 0,
            OptionType = spec.OptionType == Wire.OptionType.Unspecified ? null
                : WireEnums.TryRead(spec.OptionType, out var right) ? right
                : throw InvalidFieldException.Invalid("instrument.option_type", $"{spec.OptionType} is not call or put"),
            Quote = OptionalId(spec.Quote, "instrument.quote"),
            StdStyle = style,
            StdLeverage = RequestFields.NonNegative(std?.Leverage, "instrument.std_override.leverage"),
            StdMaxLeverage = RequestFields.NonNegative(std?.MaxLeverage, "instrument.std_override.max_leverage"),
            StdImf = RequestFields.NonNegative(std?.Imf, "instrument.std_override.imf"),
            StdMmf = RequestFields.NonNegative(std?.Mmf, "instrument.std_override.mmf"),
            StdOiLowerCap = RequestFields.NonNegative(std?.OiLowerCap, "instrument.std_override.oi_lower_cap"),
            StdOiUpperCap = RequestFields.NonNegative(std?.OiUpperCap, "instrument.std_override.oi_upper_cap"),
            PriceBand = RequestFields.NonNegative(spec.PriceBandFraction, "instrument.price_band_fraction"),
            MaxOrderNotional = RequestFields.NonNegative(spec.MaxOrderNotional, "instrument.max_order_notional"),
            MaxPosition = RequestFields.NonNegative(spec.MaxPosition, "instrument.max_position"),
        };
    }

    /// <summary>A spec as stored; zero limits mean "none" in the grain and stay unset on the wire.</summary>
    public static Wire.InstrumentSpec ToWire(InstrumentSpec spec)
    {
        var wire = new Wire.InstrumentSpec
        {
            Id = spec.Id,
            Kind = WireEnums.ToWire(spec.Kind),
            Group = spec.Group ?? "",
            Underlying = spec.Underlying ?? "",
            Multiplier = WireDecimal.From(spec.Multiplier),
            Settlement = spec.Settlement ?? "",
            Expiry = spec.Expiry is { } expiry ? WireTime.From(expiry) : null,
            Strike = spec.Strike > 0 ? WireDecimal.From(spec.Strike) : null,
            OptionType = WireEnums.ToWire(spec.OptionType),
            Quote = spec.Quote ?? "",
            PriceBandFraction = spec.PriceBand > 0 ? WireDecimal.From(spec.PriceBand) : null,
            MaxOrderNotional = spec.MaxOrderNotional > 0 ? WireDecimal.From(spec.MaxOrderNotional) : null,
            MaxPosition = spec.MaxPosition > 0 ? WireDecimal.From(spec.MaxPosition) : null,
        };
        if (spec.StdStyle != StdStyle.Bracket)
        {
            wire.StdOverride = new Wire.StdOverride
            {
                Style = WireEnums.ToWire(spec.StdStyle),
                Leverage = WireDecimal.From(spec.StdLeverage),
                MaxLeverage = WireDecimal.From(spec.StdMaxLeverage),
                Imf = WireDecimal.From(spec.StdImf),
                Mmf = WireDecimal.From(spec.StdMmf),
                OiLowerCap = WireDecimal.From(spec.StdOiLowerCap),
                OiUpperCap = WireDecimal.From(spec.StdOiUpperCap),
            };
        }

        return wire;
    }

    /// <summary>
    /// An instrument with its market state. Option marks are not kept by the instrument grain: the
    /// co-hosted silo's risk model computes them (<paramref name="market"/>); without one, or while the
    /// option cannot be priced, it shows no mark and its vol's instant.
    /// </summary>
    public static Wire.InstrumentInfo ToWire(InstrumentInfo info, DateTimeOffset now, IMarketFeed? market = null)
    {
        var wire = new Wire.InstrumentInfo { Spec = ToWire(info.Spec), Halted = info.Halted, HaltReason = info.Halted ? info.HaltReason : "" };
        var observed = info.Mark > 0 ? info.MarkAt : info.Vol > 0 ? info.VolAt : default;
        if (info.Mark > 0)
        {
            wire.Mark = WireDecimal.From(info.Mark);
        }
        else if (market is not null && market.TryGetOptionMark(info.Spec.Id, out var optionMark, out var inputsAt))
        {
            wire.Mark = WireDecimal.From(optionMark);
            observed = inputsAt;
        }

        if (observed != default)
        {
            wire.PriceObservedAt = WireTime.From(observed);
            wire.PriceAge = WireTime.Age(observed, now);
        }

        return wire;
    }

    private static string? OptionalId(string value, string field) => value.Length == 0 ? null : RequestFields.Id(value, field);
}

using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Margin;

/// <summary>
/// Reads typed instrument specs given with a simulation, naming "instruments[i].&lt;field&gt;". Structure
/// only; whether the rulebook and market in use can compile them is the risk core's check (same paths).
/// </summary>
internal static class InstrumentReader
{
    public static (List<Instrument> Instruments, Dictionary<string, TradingLimits> Limits) Read(Wire.SimulatedInstruments given)
    {
        var instruments = new List<Instrument>(given.Specs.Count);
        var limits = new Dictionary<string, TradingLimits>(given.Specs.Count, StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < given.Specs.Count; i++)
        {
            var spec = given.Specs[i];
            var at = $"instruments[{i}]";
            var id = RequestFields.Id(spec.Id, at + ".id");
            if (!seen.TryAdd(id, i))
            {
                throw InvalidFieldException.Invalid(at + ".id", $"{id} is listed twice (also at instruments[{seen[id]}])");
            }

            instruments.Add(Instrument(spec, id, at));
            limits[id] = new TradingLimits
            {
                PriceBand = (double)RequestFields.NonNegative(spec.PriceBandFraction, at + ".price_band_fraction"),
                MaxOrderNotional = (double)RequestFields.NonNegative(spec.MaxOrderNotional, at + ".max_order_notional"),
                MaxPosition = (double)RequestFields.NonNegative(spec.MaxPosition, at + ".max_position"),
            };
        }

        return (instruments, limits);
    }

    private static Instrument Instrument(Wire.InstrumentSpec spec, string id, string at)
    {
        var std = spec.StdOverride;
        var style = StdStyle.Bracket;
        if (std is not null && !WireEnums.TryRead(std.Style, out style))
        {
            throw InvalidFieldException.Invalid(at + ".std_override.style", $"{std.Style} is not a known STD style");
        }

        return new Instrument
        {
            Id = id,
            Kind = WireEnums.TryRead(spec.Kind, out var kind) ? kind : throw InvalidFieldException.Invalid(at + ".kind", $"{spec.Kind} is not a known instrument kind"),
            Group = Optional(spec.Group, at + ".group"),
            Underlying = Optional(spec.Underlying, at + ".underlying"),
            Multiplier = (double)(RequestFields.OptionalPositive(spec.Multiplier, at + ".multiplier") ?? 1),
            Settlement = Optional(spec.Settlement, at + ".settlement"),
            Expiry = spec.Expiry is null ? null : WireTime.ToDateTimeOffset(spec.Expiry, at + ".expiry"),
            Strike = (double)(RequestFields.OptionalPositive(spec.Strike, at + ".strike") ?? 0),
            OptionType = spec.OptionType == Wire.OptionType.Unspecified ? null
                : WireEnums.TryRead(spec.OptionType, out var right) ? right
                : throw InvalidFieldException.Invalid(at + ".option_type", $"{spec.OptionType} is not call or put"),
            Quote = Optional(spec.Quote, at + ".quote"),
            Std = std is null || style == StdStyle.Bracket ? null : new StdOverride
            {
                Style = style,
                Leverage = (double)RequestFields.NonNegative(std.Leverage, at + ".std_override.leverage"),
                MaxLeverage = (double)RequestFields.NonNegative(std.MaxLeverage, at + ".std_override.max_leverage"),
                Imf = (double)RequestFields.NonNegative(std.Imf, at + ".std_override.imf"),
                Mmf = (double)RequestFields.NonNegative(std.Mmf, at + ".std_override.mmf"),
                OiLowerCap = (double)RequestFields.NonNegative(std.OiLowerCap, at + ".std_override.oi_lower_cap"),
                OiUpperCap = (double)RequestFields.NonNegative(std.OiUpperCap, at + ".std_override.oi_upper_cap"),
            },
        };
    }

    private static string? Optional(string value, string field) => value.Length == 0 ? null : RequestFields.Id(value, field);
}

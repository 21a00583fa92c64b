using Grid.Abstractions.Market;
using Grid.Risk.Instruments;

namespace Grid.Grains.Market;

/// <summary>Structural checks of an instrument spec before it is listed; errors name the field.</summary>
internal static class InstrumentSpecRules
{
    public static void Validate(string key, InstrumentSpec spec, DateTimeOffset now, IReadOnlyCollection<string> groups)
    {
        Require(spec.Id == key, "id", $"'{spec.Id}' does not match the grain key '{key}'");
        Require(Enum.IsDefined(spec.Kind), "kind", $"{(int)spec.Kind} is not a known instrument kind");
        Require(spec.Multiplier > 0, "multiplier", "must be positive");
        Require(spec.PriceBand >= 0 && spec.MaxOrderNotional >= 0 && spec.MaxPosition >= 0, "price_band_fraction", "price band and limits must be ≥ 0");
        if (spec.Kind.IsCash())
        {
            Require(!string.IsNullOrWhiteSpace(spec.Underlying), "underlying", "a spot pair or stock names its base asset");
            return;
        }

        Require(spec.Group is not null && groups.Contains(spec.Group), "group", $"'{spec.Group}' is not a group of the rulebook in force");
        if (spec.Kind.IsOption())
        {
            Require(spec.OptionType is not null, "option_type", "an option is a call or a put");
            Require(spec.Strike > 0, "strike", "must be positive");
            Require(spec.Expiry is { } e && e > now, "expiry", "an option needs a future expiry");
            Require(!string.IsNullOrWhiteSpace(spec.Underlying), "underlying", "an option names its underlying");
        }

        if (spec.Kind is InstrumentKind.LinearFuture or InstrumentKind.InverseFuture)
        {
            Require(spec.Expiry is { } e && e > now, "expiry", "a future needs a future expiry");
        }

        if (spec.Kind.IsInverse())
        {
            Require(!string.IsNullOrWhiteSpace(spec.Underlying), "underlying", "a coin-margined contract names its coin");
        }
    }

    /// <summary>
    /// Refuses a change of the contract's terms (kind, underlying, multiplier, expiry, strike, option
    /// type) of a listed instrument: positions and resting orders were taken on them. The grid does not
    /// track which accounts hold an instrument, so the change is refused whether or not any does; a
    /// new id lists the new contract. InvalidOperationException is FAILED_PRECONDITION on the wire.
    /// </summary>
    public static void RequireSameTerms(InstrumentSpec listed, InstrumentSpec next)
    {
        var changed = listed.Kind != next.Kind ? "kind"
            : listed.Underlying != next.Underlying ? "underlying"
            : listed.Multiplier != next.Multiplier ? "multiplier"
            : listed.Expiry != next.Expiry ? "expiry"
            : listed.Strike != next.Strike ? "strike"
            : listed.OptionType != next.OptionType ? "option_type"
            : null;
        if (changed is not null)
        {
            throw new InvalidOperationException(
                $"instrument.{changed}: {listed.Id} is listed with another {changed.Replace('_', ' ')}; the terms of a listed contract cannot change, list a new id");
        }
    }

    // Field paths as the wire names them (admin.proto: "instrument.group").
    private static void Require(bool ok, string field, string message)
    {
        if (!ok)
        {
            throw new ArgumentException($"instrument.{field}: {message}", $"instrument.{field}");
        }
    }
}

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
        Require(spec.PriceBand >= 0 && spec.MaxOrderNotional >= 0 && spec.MaxPosition >= 0, "limits", "price band and limits must be ≥ 0");
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

    private static void Require(bool ok, string field, string message)
    {
        if (!ok)
        {
            throw new ArgumentException($"{field}: {message}", field);
        }
    }
}

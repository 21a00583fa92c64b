using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;
using Grid.Risk.Scenarios;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Conversion;

/// <summary>
/// The grid.v1 enums and their Grid.Risk twins. Side, Decision, RejectReason, AccountState,
/// MarginRegime, InstrumentKind and OptionType mirror the C# numbers exactly, with zero as the
/// wire-only UNSPECIFIED; FillState, StdStyle and VolState are the C# value + 1 (common.proto,
/// admin.proto). Readers return false for UNSPECIFIED and for numbers the C# enum lacks.
/// </summary>
internal static class WireEnums
{
    public static Wire.Side ToWire(Side value) => (Wire.Side)(int)value;

    /// <summary>Spelled out rather than generic: it runs for every order on the accept path.</summary>
    public static bool TryRead(Wire.Side value, out Side result)
    {
        result = (Side)(int)value;
        return value is Wire.Side.Buy or Wire.Side.Sell;
    }

    public static Wire.Decision ToWire(Decision value) => (Wire.Decision)(int)value;

    public static bool TryRead(Wire.Decision value, out Decision result) => TryMirror((int)value, out result);

    /// <summary>None is UNSPECIFIED; every other reason keeps its stable number.</summary>
    public static Wire.RejectReason ToWire(RejectReason value) => (Wire.RejectReason)(int)value;

    public static bool TryRead(Wire.RejectReason value, out RejectReason result)
    {
        result = (RejectReason)(int)value;
        return Enum.IsDefined(result);
    }

    public static Wire.AccountState ToWire(AccountState value) => (Wire.AccountState)(int)value;

    public static bool TryRead(Wire.AccountState value, out AccountState result) => TryMirror((int)value, out result);

    public static Wire.MarginRegime ToWire(MarginRegime value) => (Wire.MarginRegime)(int)value;

    public static bool TryRead(Wire.MarginRegime value, out MarginRegime result) => TryMirror((int)value, out result);

    /// <summary>A silo's regime as the risk core names it ("PM", "STD", "none" for the spot wallet).</summary>
    public static Wire.MarginRegime RegimeNamed(string name) => name.ToUpperInvariant() switch
    {
        "PM" => Wire.MarginRegime.Pm,
        "STD" => Wire.MarginRegime.Std,
        _ => Wire.MarginRegime.Unspecified,
    };

    public static Wire.InstrumentKind ToWire(InstrumentKind value) => (Wire.InstrumentKind)(int)value;

    public static bool TryRead(Wire.InstrumentKind value, out InstrumentKind result) => TryMirror((int)value, out result);

    /// <summary>Null (not an option) is UNSPECIFIED.</summary>
    public static Wire.OptionType ToWire(OptionType? value) => value is { } v ? (Wire.OptionType)(int)v : Wire.OptionType.Unspecified;

    public static bool TryRead(Wire.OptionType value, out OptionType result) => TryMirror((int)value, out result);

    public static Wire.FillState ToWire(FillState value) => (Wire.FillState)((int)value + 1);

    public static bool TryRead(Wire.FillState value, out FillState result) => TryShifted((int)value, out result);

    public static Wire.StdStyle ToWire(StdStyle value) => (Wire.StdStyle)((int)value + 1);

    /// <summary>UNSPECIFIED reads as the bracket default, as admin.proto says.</summary>
    public static bool TryRead(Wire.StdStyle value, out StdStyle result)
    {
        if (value == Wire.StdStyle.Unspecified)
        {
            result = StdStyle.Bracket;
            return true;
        }

        return TryShifted((int)value, out result);
    }

    public static Wire.VolState ToWire(VolState value) => (Wire.VolState)((int)value + 1);

    public static bool TryRead(Wire.VolState value, out VolState result) => TryShifted((int)value, out result);

    /// <summary>A scenario's vol state as the grain views name it ("up", "same", "down"); unknown names are UNSPECIFIED.</summary>
    public static Wire.VolState VolStateNamed(string name) => name.ToLowerInvariant() switch
    {
        "up" => Wire.VolState.Up,
        "same" => Wire.VolState.Same,
        "down" => Wire.VolState.Down,
        _ => Wire.VolState.Unspecified,
    };

    private static bool TryMirror<T>(int wire, out T result)
        where T : struct, Enum
    {
        result = (T)Enum.ToObject(typeof(T), wire);
        return wire != 0 && Enum.IsDefined(result);
    }

    private static bool TryShifted<T>(int wire, out T result)
        where T : struct, Enum
    {
        result = (T)Enum.ToObject(typeof(T), wire - 1);
        return wire != 0 && Enum.IsDefined(result);
    }
}

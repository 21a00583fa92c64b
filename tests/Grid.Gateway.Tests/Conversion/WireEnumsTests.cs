using Google.Protobuf.Reflection;
using Grid.Gateway.Conversion;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;
using Grid.Risk.Scenarios;
using Xunit;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Conversion;

public sealed class WireEnumsTests
{
    [Fact]
    public void Side_EveryWireValue_MapsToTheSameNameAndRoundTrips()
        => AssertMirror<Wire.Side, Side>(w => WireEnums.TryRead(w, out var r) ? r : null, WireEnums.ToWire);

    [Fact]
    public void Decision_EveryWireValue_MapsToTheSameNameAndRoundTrips()
        => AssertMirror<Wire.Decision, Decision>(w => WireEnums.TryRead(w, out var r) ? r : null, WireEnums.ToWire);

    [Fact]
    public void AccountState_EveryWireValue_MapsToTheSameNameAndRoundTrips()
        => AssertMirror<Wire.AccountState, AccountState>(w => WireEnums.TryRead(w, out var r) ? r : null, WireEnums.ToWire);

    [Fact]
    public void MarginRegime_EveryWireValue_MapsToTheSameNameAndRoundTrips()
        => AssertMirror<Wire.MarginRegime, MarginRegime>(w => WireEnums.TryRead(w, out var r) ? r : null, WireEnums.ToWire);

    [Fact]
    public void InstrumentKind_EveryWireValue_MapsToTheSameNameAndRoundTrips()
        => AssertMirror<Wire.InstrumentKind, InstrumentKind>(w => WireEnums.TryRead(w, out var r) ? r : null, WireEnums.ToWire);

    [Fact]
    public void OptionType_EveryWireValue_MapsToTheSameNameAndRoundTrips()
        => AssertMirror<Wire.OptionType, OptionType>(w => WireEnums.TryRead(w, out var r) ? r : null, v => WireEnums.ToWire(v));

    [Fact]
    public void OptionType_NotAnOption_IsUnspecified()
        => Assert.Equal(Wire.OptionType.Unspecified, WireEnums.ToWire((OptionType?)null));

    [Fact]
    public void RejectReason_EveryCSharpValue_HasTheSameNumberAndName()
    {
        foreach (var reason in Enum.GetValues<RejectReason>())
        {
            var wire = WireEnums.ToWire(reason);
            Assert.Equal((int)reason, (int)wire);
            Assert.Equal(reason == RejectReason.None ? "Unspecified" : reason.ToString(), wire.ToString());
            Assert.True(WireEnums.TryRead(wire, out var back));
            Assert.Equal(reason, back);
        }

        Assert.Equal(Enum.GetValues<RejectReason>().Length, Enum.GetValues<Wire.RejectReason>().Length);
    }

    [Fact]
    public void FillState_IsShiftedByOne()
    {
        Assert.Equal(Wire.FillState.Positions, WireEnums.ToWire(FillState.None));
        Assert.Equal(Wire.FillState.Bids, WireEnums.ToWire(FillState.Bids));
        Assert.Equal(Wire.FillState.Asks, WireEnums.ToWire(FillState.Asks));
        AssertShifted<Wire.FillState, FillState>(w => WireEnums.TryRead(w, out var r) ? r : null, WireEnums.ToWire);
    }

    [Fact]
    public void StdStyle_IsShiftedByOne_AndUnspecifiedReadsAsBracket()
    {
        AssertShifted<Wire.StdStyle, StdStyle>(w => WireEnums.TryRead(w, out var r) ? r : null, WireEnums.ToWire, unspecifiedReads: true);
        Assert.True(WireEnums.TryRead(Wire.StdStyle.Unspecified, out var style));
        Assert.Equal(StdStyle.Bracket, style);
    }

    [Fact]
    public void VolState_IsShiftedByOne()
        => AssertShifted<Wire.VolState, VolState>(w => WireEnums.TryRead(w, out var r) ? r : null, WireEnums.ToWire);

    [Theory]
    [InlineData("up", Wire.VolState.Up)]
    [InlineData("same", Wire.VolState.Same)]
    [InlineData("DOWN", Wire.VolState.Down)]
    [InlineData("", Wire.VolState.Unspecified)]
    public void VolStateNamed_GrainNames_Map(string name, Wire.VolState expected)
        => Assert.Equal(expected, WireEnums.VolStateNamed(name));

    [Theory]
    [InlineData("PM", Wire.MarginRegime.Pm)]
    [InlineData("STD", Wire.MarginRegime.Std)]
    [InlineData("none", Wire.MarginRegime.Unspecified)]
    public void RegimeNamed_SiloNames_Map(string name, Wire.MarginRegime expected)
        => Assert.Equal(expected, WireEnums.RegimeNamed(name));

    [Fact]
    public void TryRead_UnknownNumber_IsRefused()
    {
        Assert.False(WireEnums.TryRead((Wire.Side)7, out _));
        Assert.False(WireEnums.TryRead((Wire.InstrumentKind)99, out _));
        Assert.False(WireEnums.TryRead((Wire.RejectReason)1006, out _));
        Assert.False(WireEnums.TryRead((Wire.FillState)4, out _));
    }

    /// <summary>Every non-zero wire value reads as the C# value of the same name and number, and back; zero is refused.</summary>
    private static void AssertMirror<TWire, TRisk>(Func<TWire, TRisk?> read, Func<TRisk, TWire> write)
        where TWire : struct, Enum
        where TRisk : struct, Enum
    {
        foreach (var wire in Enum.GetValues<TWire>())
        {
            var risk = read(wire);
            if (Convert.ToInt32(wire, System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                Assert.Null(risk);
                continue;
            }

            Assert.NotNull(risk);
            Assert.Equal(wire.ToString(), risk.Value.ToString());
            Assert.Equal(Convert.ToInt32(wire, System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(risk.Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(wire, write(risk.Value));
        }

        Assert.Equal(Enum.GetValues<TRisk>().Length + 1, Enum.GetValues<TWire>().Length);
    }

    /// <summary>Every non-zero wire value reads as the C# value one below it, and back.</summary>
    private static void AssertShifted<TWire, TRisk>(Func<TWire, TRisk?> read, Func<TRisk, TWire> write, bool unspecifiedReads = false)
        where TWire : struct, Enum
        where TRisk : struct, Enum
    {
        foreach (var wire in Enum.GetValues<TWire>())
        {
            var number = Convert.ToInt32(wire, System.Globalization.CultureInfo.InvariantCulture);
            var risk = read(wire);
            if (number == 0)
            {
                Assert.Equal(unspecifiedReads, risk is not null);
                continue;
            }

            Assert.NotNull(risk);
            Assert.Equal(number - 1, Convert.ToInt32(risk.Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(wire, write(risk.Value));
        }

        foreach (var risk in Enum.GetValues<TRisk>())
        {
            Assert.True(Enum.IsDefined(write(risk)));
        }
    }

    [Fact]
    public void ProtoNames_OfMirroredEnums_CarryTheirPrefix()
    {
        // Guards the name comparison above: the C# names are the proto names without the enum prefix.
        var descriptor = Wire.CommonReflection.Descriptor.FindTypeByName<EnumDescriptor>("RejectReason");
        Assert.Equal("REJECT_REASON_INSUFFICIENT_MARGIN", descriptor.FindValueByNumber((int)RejectReason.InsufficientMargin).Name);
    }
}

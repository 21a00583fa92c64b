using Grid.Abstractions.Market;
using Grid.Gateway.Admin;
using Grid.Gateway.Validation;
using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;
using Xunit;
using static Grid.Gateway.Tests.Fakes.Engine;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Admin;

public sealed class InstrumentMessagesTests
{
    [Fact]
    public void ToSpec_Option_RoundTripsThroughTheWire()
    {
        var wire = new Wire.InstrumentSpec
        {
            Id = "BTC-30D-60000-C",
            Kind = Wire.InstrumentKind.Option,
            Group = "BTC",
            Underlying = "BTC",
            Strike = Dec(60_000),
            OptionType = Wire.OptionType.Call,
            Expiry = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 25, 8, 0, 0, TimeSpan.Zero)),
            PriceBandFraction = Dec(0, 100_000_000),
            StdOverride = new Wire.StdOverride { Style = Wire.StdStyle.Hyperliquid, Leverage = Dec(10), MaxLeverage = Dec(50) },
        };

        var spec = InstrumentMessages.ToSpec(wire);

        Assert.Equal(InstrumentKind.Option, spec.Kind);
        Assert.Equal(OptionType.Call, spec.OptionType);
        Assert.Equal(1m, spec.Multiplier);
        Assert.Equal(StdStyle.Hyperliquid, spec.StdStyle);
        Assert.Equal(0.1m, spec.PriceBand);
        Assert.Null(spec.Settlement);
        var back = InstrumentMessages.ToWire(spec);
        Assert.Equal(wire.Strike, back.Strike);
        Assert.Equal(wire.Expiry, back.Expiry);
        Assert.Equal(wire.StdOverride.Style, back.StdOverride.Style);
        Assert.Null(back.MaxPosition);
    }

    [Theory]
    [InlineData("kind", "instrument.kind")]
    [InlineData("id", "instrument.id")]
    [InlineData("multiplier", "instrument.multiplier")]
    [InlineData("option_type", "instrument.option_type")]
    [InlineData("style", "instrument.std_override.style")]
    [InlineData("max_position", "instrument.max_position")]
    public void ToSpec_BadField_NamesIt(string bad, string field)
    {
        var wire = new Wire.InstrumentSpec { Id = "BTC-PERP", Kind = Wire.InstrumentKind.LinearPerp, Group = "BTC" };
        switch (bad)
        {
            case "kind": wire.Kind = Wire.InstrumentKind.Unspecified; break;
            case "id": wire.Id = ""; break;
            case "multiplier": wire.Multiplier = Dec(0); break;
            case "option_type": wire.OptionType = (Wire.OptionType)5; break;
            case "style": wire.StdOverride = new Wire.StdOverride { Style = (Wire.StdStyle)9 }; break;
            default: wire.MaxPosition = Dec(-1); break;
        }

        Assert.Equal(field, Assert.Throws<InvalidFieldException>(() => InstrumentMessages.ToSpec(wire)).Field);
    }

    [Fact]
    public void ToWire_Info_ShowsMarkAndAge()
    {
        var at = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var info = new InstrumentInfo { Spec = new InstrumentSpec { Id = "BTC-PERP", Kind = InstrumentKind.LinearPerp }, Mark = 50_000.25m, MarkAt = at, Halted = true, HaltReason = "ops" };

        var wire = InstrumentMessages.ToWire(info, at.AddSeconds(3));

        Assert.Equal(50_000, wire.Mark.Units);
        Assert.Equal(3, wire.PriceAge.Seconds);
        Assert.True(wire.Halted);
        Assert.Equal("ops", wire.HaltReason);
    }
}

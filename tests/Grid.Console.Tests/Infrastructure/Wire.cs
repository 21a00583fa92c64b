using Google.Protobuf.WellKnownTypes;
using WireDecimal = Grid.Api.V1.Decimal;

namespace Grid.Console.Tests.Infrastructure;

/// <summary>Short-hands for wire messages.</summary>
internal static class Wire
{
    public static WireDecimal Dec(decimal value)
    {
        var units = decimal.Truncate(value);
        return new WireDecimal { Units = (long)units, Nanos = (int)((value - units) * 1_000_000_000m) };
    }

    public static Timestamp Time(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);
}

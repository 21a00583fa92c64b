using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using WireDecimal = Grid.Api.V1.Decimal;

namespace Grid.Host.Tests.Infrastructure;

/// <summary>Short-hands for building and reading wire messages.</summary>
internal static class Wire
{
    public static WireDecimal Dec(decimal value)
    {
        var units = decimal.Truncate(value);
        return new WireDecimal { Units = (long)units, Nanos = (int)((value - units) * 1_000_000_000m) };
    }

    public static decimal Num(WireDecimal? value) => value is null ? 0 : value.Units + value.Nanos / 1_000_000_000m;

    public static EngineMessage Check(ulong id, string account, string order, string instrument, Side side, decimal qty, decimal price) => new()
    {
        CorrelationId = id,
        Check = new CheckOrder { AccountId = account, ClientOrderId = order, InstrumentId = instrument, Side = side, Qty = Dec(qty), Price = Dec(price) },
    };

    public static EngineMessage Fill(ulong id, string account, string order, string trade, decimal qty, decimal price, string instrument = "", Side side = Side.Unspecified) => new()
    {
        CorrelationId = id,
        Filled = new OrderFilled { AccountId = account, ClientOrderId = order, TradeId = trade, Qty = Dec(qty), Price = Dec(price), InstrumentId = instrument, Side = side, Fee = Dec(0) },
    };

    public static EngineMessage Cancel(ulong id, string account, string order) => new()
    {
        CorrelationId = id,
        Canceled = new OrderCanceled { AccountId = account, ClientOrderId = order },
    };

    public static Timestamp Time(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);
}

using Grid.Api.V1;
using static Grid.Console.Tests.Infrastructure.Wire;

namespace Grid.Console.Tests.Infrastructure;

/// <summary>A price feeder: publishes marks through MarketData.PublishOnce, as a feed would.</summary>
internal static class Market
{
    public static async Task Mark(HostProcess host, string instrument, decimal price)
    {
        var batch = new PriceBatch { Sequence = (ulong)DateTime.UtcNow.Ticks };
        batch.Updates.Add(new PriceUpdate { ObservedAt = Time(DateTimeOffset.UtcNow), Mark = new MarkPrice { InstrumentId = instrument, Price = Dec(price) } });
        var ack = await new MarketData.MarketDataClient(host.Feeder).PublishOnceAsync(batch);
        Assert.Equal(1u, ack.Accepted);
    }
}

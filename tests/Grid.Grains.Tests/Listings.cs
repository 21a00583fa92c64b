using Grid.Abstractions.Market;
using Grid.Risk.Instruments;

namespace Grid.Grains.Tests;

/// <summary>Instruments of a test's own, listed and priced on every silo before the test goes on.</summary>
internal static class Listings
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>Lists a USDT-settled linear perp in the ETH group (range 20%) at <paramref name="mark"/>, with <paramref name="limits"/> applied to its spec.</summary>
    public static async Task<string> Perp(GridClusterFixture fixture, string id, decimal mark, Func<InstrumentSpec, InstrumentSpec>? limits = null)
    {
        var spec = new InstrumentSpec { Id = id, Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH", Settlement = "USDT" };
        var grain = fixture.Client.GetGrain<IInstrumentGrain>(id);
        await grain.Upsert(limits is null ? spec : limits(spec));
        await grain.PublishPrices(new InstrumentPrices { Mark = mark, At = DateTimeOffset.UtcNow });
        await Eventually(() => fixture.Views().All(v => v.Frame.Model.TryGetInstrument(id, out _) && v.Frame.Instruments.ContainsKey(id)));
        return id;
    }

    /// <summary>Publishes a mark and waits until every silo's market has it.</summary>
    public static async Task Mark(GridClusterFixture fixture, string id, decimal mark)
    {
        await fixture.Client.GetGrain<IInstrumentGrain>(id).PublishPrices(new InstrumentPrices { Mark = mark, At = DateTimeOffset.UtcNow });
        await Eventually(() => fixture.Views().All(v => v.Frame.Model.Instrument(id).Mark == (double)mark));
    }

    public static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }
}

using Grid.Abstractions.Market;
using Grid.Grains.Demo;
using Grid.Risk.Instruments;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Grid.Grains.Tests;

/// <summary>One in-process two-silo cluster with memory storage and the demo market, shared by every grain test.</summary>
public sealed class GridClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GridStorage.Name);
            silo.AddGridGrains();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await DemoCatalog.SeedAsync(Client, DateTimeOffset.UtcNow);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The margin monitor of every silo.</summary>
    public IEnumerable<Monitoring.SiloMarginMonitor> Watches()
        => Cluster.Silos.Select(s => Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<Monitoring.SiloMarginMonitor>());

    /// <summary>The market snapshot of every silo.</summary>
    public IEnumerable<Grid.Grains.Market.MarketView> Views()
        => Cluster.Silos.Select(s => Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<Grid.Grains.Market.MarketView>());

    /// <summary>The market-step publisher of silo <paramref name="silo"/> (what a co-hosted gateway uses).</summary>
    public IMarketSteps Steps(int silo) => Cluster.GetSiloServiceProvider(Cluster.Silos[silo].SiloAddress).GetRequiredService<IMarketSteps>();

    /// <summary>Lists an ETH-group linear perp of its own with a mark, and waits until every silo prices it.</summary>
    public async Task<string> ListPerp(string id, decimal mark)
    {
        var grain = Client.GetGrain<IInstrumentGrain>(id);
        await grain.Upsert(new InstrumentSpec { Id = id, Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH", Settlement = "USDT" });
        await grain.PublishPrices(new InstrumentPrices { Mark = mark, At = DateTimeOffset.UtcNow });
        await Eventually(() => Views().All(v => v.Frame.Model.TryGetInstrument(id, out _)));
        return id;
    }

    /// <summary>Waits up to 15 s for <paramref name="condition"/>.</summary>
    public async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GridCluster : ICollectionFixture<GridClusterFixture>
{
    public const string Name = "grid cluster";
}

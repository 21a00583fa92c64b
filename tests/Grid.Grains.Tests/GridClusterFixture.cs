using Grid.Grains.Demo;
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
    public IEnumerable<Monitoring.RiskWatch> Watches()
        => Cluster.Silos.Select(s => Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<Monitoring.RiskWatch>());

    /// <summary>The market snapshot of every silo.</summary>
    public IEnumerable<Market.MarketView> Views()
        => Cluster.Silos.Select(s => Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<Market.MarketView>());
}

[CollectionDefinition(Name)]
public sealed class GridCluster : ICollectionFixture<GridClusterFixture>
{
    public const string Name = "grid cluster";
}

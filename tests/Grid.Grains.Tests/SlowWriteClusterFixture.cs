using Grid.Grains.Demo;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Grid.Grains.Tests;

/// <summary>A two-silo cluster whose grid storage completes writes asynchronously (<see cref="SlowGrainStorage"/>).</summary>
public sealed class SlowWriteClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(GridStorage.Name, (sp, _) => new SlowGrainStorage(sp.GetRequiredService<DeepCopier>()));
            silo.AddGridGrains();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await DemoCatalog.SeedAsync(Client, DateTimeOffset.UtcNow);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SlowWriteCluster : ICollectionFixture<SlowWriteClusterFixture>
{
    public const string Name = "slow-write cluster";
}

using Grid.Grains.Accounts;
using Grid.Grains.Demo;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Grid.Grains.Tests;

/// <summary>
/// A one-silo cluster whose accounts enforce the two gates the shared cluster leaves off: prices older
/// than <see cref="MaxPriceAge"/> (Grid:Accounts:MaxPriceAge) and at most <see cref="MaxOpenOrders"/>
/// resting orders (Grid:Accounts:MaxOpenOrders). The demo market is priced an hour ago, so every group
/// is stale until a test publishes a fresh price.
/// </summary>
public sealed class GateLimitsClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan MaxPriceAge = TimeSpan.FromMinutes(5);

    public const int MaxOpenOrders = 2;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GridStorage.Name);
            silo.AddGridGrains();
            silo.Services.PostConfigure<AccountOptions>(o =>
            {
                o.MaxPriceAge = MaxPriceAge;
                o.MaxOpenOrders = MaxOpenOrders;
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await DemoCatalog.SeedAsync(Client, DateTimeOffset.UtcNow.AddHours(-1));
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The market snapshot of the silo.</summary>
    public Grid.Grains.Market.MarketView View() => Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress).GetRequiredService<Grid.Grains.Market.MarketView>();
}

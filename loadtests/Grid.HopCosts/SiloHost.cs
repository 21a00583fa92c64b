using Grid.Grains.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;

namespace Grid.HopCosts;

/// <summary>One in-process silo as the embedded default runs it (localhost clustering, the grid's object store, the grid's grains, the demo market).</summary>
internal static class SiloHost
{
    /// <param name="storage">Adds the grain storage named <c>grid</c> (default: the grid's in-memory store).</param>
    public static async Task<IHost> Start(Action<ISiloBuilder>? storage = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: 11_977, gatewayPort: 30_977).AddGridGrains(builder.Configuration);
            if (storage is null)
            {
                silo.AddGridMemoryStorage();
            }
            else
            {
                storage(silo);
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        await DemoCatalog.SeedAsync(host.Services.GetRequiredService<IGrainFactory>(), DateTimeOffset.UtcNow);
        return host;
    }
}

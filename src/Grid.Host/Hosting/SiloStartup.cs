using Grid.Grains.Demo;
using Microsoft.Extensions.Options;

namespace Grid.Host.Hosting;

/// <summary>
/// Runs once the silo is active: seeds the demo market when configured, then opens for traffic;
/// marks the process as stopping as soon as the silo begins to shut down.
/// </summary>
internal sealed class SiloStartup(IGrainFactory grains, GridReadiness readiness, IOptions<GridHostOptions> options, TimeProvider clock)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
        => lifecycle.Subscribe(nameof(SiloStartup), ServiceLifecycleStage.Active + 1, Start, Stop);

    private async Task Start(CancellationToken ct)
    {
        if (options.Value.SeedDemo)
        {
            await DemoCatalog.SeedAsync(grains, clock.GetUtcNow());
        }

        readiness.MarkReady();
    }

    private Task Stop(CancellationToken ct)
    {
        readiness.MarkStopping();
        return Task.CompletedTask;
    }
}

using Grid.Abstractions.Accounts;
using Grid.Abstractions.Market;
using Grid.Grains.Accounts;
using Grid.Grains.Demo;
using Grid.Gateway.PreTrade;
using Grid.Grains.Market;
using Microsoft.Extensions.Options;

namespace Grid.Host.Hosting;

/// <summary>
/// Runs once the silo is active: seeds the demo market when configured, then opens for traffic;
/// marks the process as stopping as soon as the silo begins to shut down.
/// </summary>
internal sealed class SiloStartup(
    IGrainFactory grains, GridReadiness readiness, IOptions<GridHostOptions> options, IOptions<AccountRegistryOptions> registry, TimeProvider clock, OpenEngineStreams streams)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
        => lifecycle.Subscribe(nameof(SiloStartup), ServiceLifecycleStage.Active + 1, Start, Stop);

    private async Task Start(CancellationToken ct)
    {
        readiness.MarkStarted();

        // Before any traffic: a silo hashing accounts into another bucket count than the cluster's would file
        // them where listings and revivals never look. A mismatch stops this silo's start, naming the setting.
        await grains.GetGrain<IAccountRegistryGrain>(AccountRegistryGrain.Key).AgreeBuckets(registry.Value.Buckets);
        if (options.Value.RulebookPath is { Length: > 0 } path)
        {
            // A mounted rulebook (ConfigMap) is installed only when the cluster has none yet: a rulebook
            // loaded at runtime through Admin.LoadRulebook survives restarts.
            var rulebook = grains.GetGrain<IRulebookGrain>(RulebookGrain.Key);
            if (await rulebook.Get() is null)
            {
                await rulebook.Install(await File.ReadAllTextAsync(path, ct));
            }
        }

        if (options.Value.SeedDemo)
        {
            await DemoCatalog.SeedAsync(grains, clock.GetUtcNow());
        }

        readiness.MarkReady();
    }

    // The first thing a stopping silo does: wait for the engine streams to drain (they stopped reading
    // when the application began to stop) while its grains can still answer what was read.
    private async Task Stop(CancellationToken ct)
    {
        readiness.MarkStopping();
        await streams.WaitDrained(TimeSpan.FromSeconds(20), ct);
    }
}

using Grid.Abstractions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grid.Host.Hosting;

/// <summary>
/// Live while the silo can schedule and answer a grain call within a few seconds: a wedged silo
/// (starved scheduler, deadlock) fails it and gets restarted. Draining is still live.
/// </summary>
internal sealed class SiloLivenessHealthCheck(IGrainFactory grains, GridReadiness readiness) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.Started || readiness.Stopping)
        {
            return HealthCheckResult.Healthy(readiness.Stopping ? "silo draining" : "silo starting");
        }

        try
        {
            await grains.GetGrain<ISiloProbeGrain>(0).Ping().WaitAsync(Patience, cancellationToken);
            return HealthCheckResult.Healthy("silo answers");
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            return HealthCheckResult.Unhealthy($"the silo did not answer a local grain call within {Patience.TotalSeconds} s", e);
        }
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grid.Host.Hosting;

/// <summary>Ready only when the silo is active (and seeded): probes keep traffic away until then.</summary>
internal sealed class ReadinessHealthCheck(GridReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(readiness.Ready ? HealthCheckResult.Healthy("silo active")
            : HealthCheckResult.Unhealthy(readiness.Stopping ? "silo stopping" : "silo starting"));
}

using Grid.Host.Hosting;
using Grid.Gateway.Audit;
using Grid.Host.Audit;

namespace Microsoft.Extensions.Hosting;

/// <summary>Chooses where the audit trail lives.</summary>
public static class AuditHostingExtensions
{
    /// <summary>
    /// Redis mode (with the trail enabled): the shared Redis stream, registered as a hosted service before
    /// the silo and the gateway so that it stops after them. Embedded: the gateway's in-memory ring.
    /// </summary>
    public static IServiceCollection AddGridAudit(this IServiceCollection services, IConfiguration configuration, GridHostOptions host)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(host);
        var enabled = configuration.GetValue($"{AuditOptions.SectionName}:{nameof(AuditOptions.Enabled)}", true);
        if (host.Mode == HostMode.Redis && enabled)
        {
            services.AddSingleton<RedisAuditTrail>();
            services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<RedisAuditTrail>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisAuditTrail>());
        }

        return services;
    }
}

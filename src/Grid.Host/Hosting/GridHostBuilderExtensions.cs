using Grid.Abstractions;
using Grid.Gateway.Security;
using Grid.Host.Hosting;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the silo, the gateway, health and the embedded default into a web application.</summary>
public static class GridHostBuilderExtensions
{
    /// <summary>Adds everything the grid process runs, from configuration (section "Grid").</summary>
    public static WebApplicationBuilder AddGridHost(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GridHostOptions.Section).Get<GridHostOptions>() ?? new GridHostOptions();
        var check = new GridHostOptionsValidator().Validate(null, options);
        if (check.Failed)
        {
            throw new OptionsValidationException(GridHostOptions.Section, typeof(GridHostOptions), check.Failures);
        }

        builder.Services.AddOptions<GridHostOptions>().BindConfiguration(GridHostOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GridHostOptions>, GridHostOptionsValidator>();
        builder.WebHost.ConfigureKestrel(k =>
        {
            Listen(k, options.GrpcPort, options.LoopbackOnly, HttpProtocols.Http2);
            Listen(k, options.HttpPort, options.LoopbackOnly, HttpProtocols.Http1);
        });

        // Before the silo: hosted services stop in reverse order, so the trail flushes after the streams drain.
        builder.Services.AddGridAudit(builder.Configuration, options);
        builder.UseOrleans(silo =>
        {
            SiloTopology.Configure(silo, options);
            if (options.Dashboard)
            {
                silo.AddDashboard();
            }

            silo.AddGridGrains(builder.Configuration);
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloStartup>();
        });

        builder.Services.AddSingleton<GridReadiness>();
        builder.Services.AddGridGateway(builder.Configuration);
        builder.Services.PostConfigure<SecurityOptions>(security =>
        {
            // The embedded demo gets the documented development keys; a durable grid must bring its own.
            if (options.Mode == HostMode.Embedded && security.Keys.Count == 0)
            {
                security.Keys.AddRange(DevelopmentKeys.All);
            }
            else if (options.Mode != HostMode.Embedded && security.Keys.Any(DevelopmentKeys.IsDevelopment))
            {
                throw new OptionsValidationException(SecurityOptions.SectionName, typeof(SecurityOptions), ["the publicly documented development keys are refused outside Embedded mode"]);
            }
        });
        builder.Services.AddHealthChecks()
            .AddCheck<ReadinessHealthCheck>("silo", tags: ["ready"])
            .AddCheck<SiloLivenessHealthCheck>("scheduler", tags: ["live"]);
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(GridMetrics.MeterName, "Microsoft.Orleans")
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        builder.Services.AddGrpcHealthChecks();
        return builder;
    }

    /// <summary>Maps the gRPC services (HTTP/2 port) and the health endpoints (HTTP/1.1 port).</summary>
    public static WebApplication MapGridHost(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GridHostOptions>>().Value;
        app.MapGridGateway();
        app.MapGrpcHealthChecksService();
        var http = $"*:{options.HttpPort}";
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") }).RequireHost(http);
        app.MapPrometheusScrapingEndpoint("/metrics").RequireHost(http);
        if (options.Dashboard)
        {
            app.MapOrleansDashboard(routePrefix: "/dashboard").RequireHost(http);
        }
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).RequireHost(http);
        return app;
    }

    private static void Listen(KestrelServerOptions kestrel, int port, bool loopbackOnly, HttpProtocols protocols)
    {
        if (loopbackOnly)
        {
            kestrel.ListenLocalhost(port, o => o.Protocols = protocols);
        }
        else
        {
            kestrel.ListenAnyIP(port, o => o.Protocols = protocols);
        }
    }
}

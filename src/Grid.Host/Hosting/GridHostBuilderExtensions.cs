using System.Security.Cryptography;
using Grid.Abstractions;
using Grid.Gateway.Security;
using Grid.Host.Hosting;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the silo, the gateway, health and the embedded default into a web application.</summary>
public static class GridHostBuilderExtensions
{
    /// <summary>Exit code of a host that refuses its configuration (sysexits' EX_CONFIG).</summary>
    public const int ConfigurationExitCode = 78;

    /// <summary>
    /// Adds everything the grid process runs, from configuration (section "Grid"). Invalid host or TLS
    /// settings (<see cref="GridHostOptions"/>, <see cref="TlsOptions"/>) end the process here: every
    /// problem is written to standard error and the exit code is <see cref="ConfigurationExitCode"/>.
    /// </summary>
    public static WebApplicationBuilder AddGridHost(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GridHostOptions.Section).Get<GridHostOptions>() ?? new GridHostOptions();
        var tls = builder.Configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() ?? new TlsOptions();
        var security = builder.Configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        RefuseInvalid(
            new GridHostOptionsValidator().Validate(null, options),
            new TlsOptionsValidator(Microsoft.Extensions.Options.Options.Create(options)).Validate(null, tls),
            DevelopmentKeysBeyondLoopback(options, security));
        var certificate = tls.IsConfigured ? TlsCertificate.Load(tls) : null;

        builder.Services.AddOptions<GridHostOptions>().BindConfiguration(GridHostOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GridHostOptions>, GridHostOptionsValidator>();
        builder.Services.AddOptions<TlsOptions>().BindConfiguration(TlsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TlsOptions>, TlsOptionsValidator>();
        builder.WebHost.ConfigureKestrel(k =>
        {
            var log = k.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(TlsLog.Category);
            if (certificate is not null)
            {
                var leaf = certificate.Leaf;
                TlsLog.CertificateLoaded(log, leaf.Subject, leaf.GetCertHashString(HashAlgorithmName.SHA256), certificate.Intermediates.Count, certificate.Path, leaf.NotAfter.ToUniversalTime());
                if (leaf.NotAfter.ToUniversalTime() < DateTime.UtcNow.AddDays(14))
                {
                    TlsLog.CertificateExpiring(log, leaf.Subject, leaf.NotAfter.ToUniversalTime());
                }
            }

            Listen(k, "gRPC", options.GrpcPort, options.LoopbackOnly, HttpProtocols.Http2, certificate, log);
            Listen(k, "HTTP", options.HttpPort, options.LoopbackOnly, HttpProtocols.Http1, certificate, log);
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
            silo.AddIncomingGrainCallFilter<PreTradeHops>();
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloStartup>();
        });

        builder.Services.AddSingleton<GridReadiness>();
        builder.Services.AddGridGateway(builder.Configuration);
        builder.Services.AddGridConsole(builder.Configuration);
        builder.Services.PostConfigure<SecurityOptions>(security =>
        {
            // A grid only this machine can reach gets the documented development keys when it has none;
            // a grid listening on the network must bring its own and may not use them.
            if (options.LoopbackOnly && security.Keys.Count == 0)
            {
                security.Keys.AddRange(DevelopmentKeys.All);
                security.LoopbackAdmin = true;
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
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGridGateway();
        app.MapGrpcHealthChecksService();
        var http = $"*:{options.HttpPort}";
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") }).RequireHost(http);
        app.MapPrometheusScrapingEndpoint("/metrics").RequireHost(http);
        // The console's pages are anonymous (they hold no data); its API and live stream need an admin key.
        app.MapGridConsole().RequireHost(http).RequireAuthorization(GatewayAuthorization.AdminPolicy);
        if (options.Dashboard)
        {
            app.MapOrleansDashboard(routePrefix: "/dashboard").RequireHost(http);
        }
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).RequireHost(http);
        return app;
    }

    // With a certificate the port serves HTTPS: HTTP/2 is then negotiated through ALPN. Without one it
    // serves clear text, which TlsOptionsValidator allows only on loopback.
    private static void Listen(KestrelServerOptions kestrel, string name, int port, bool loopbackOnly, HttpProtocols protocols, TlsCertificate? certificate, ILogger log)
    {
        void Configure(ListenOptions listen)
        {
            listen.Protocols = protocols;
            if (certificate is not null)
            {
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = certificate.Leaf,
                    ServerCertificateChain = certificate.Intermediates.Count > 0 ? certificate.Intermediates : null,
                });
            }
        }

        if (loopbackOnly)
        {
            kestrel.ListenLocalhost(port, Configure);
        }
        else
        {
            kestrel.ListenAnyIP(port, Configure);
        }

        TlsLog.PortScheme(log, name, port, certificate is null ? "http" : "https", protocols.ToString(), loopbackOnly ? "loopback" : "all interfaces");
    }

    // Anyone can read the development keys in the README: a grid reachable from the network must not take them.
    private static ValidateOptionsResult DevelopmentKeysBeyondLoopback(GridHostOptions options, SecurityOptions security)
        => !options.LoopbackOnly && (security.LoopbackAdmin || security.Keys.Any(DevelopmentKeys.IsDevelopment))
            ? ValidateOptionsResult.Fail("the publicly documented development keys are refused (and so is Grid:Security:LoopbackAdmin) on a host that listens beyond loopback (Grid:Host:LoopbackOnly=false)")
            : ValidateOptionsResult.Success;

    private static void RefuseInvalid(params ValidateOptionsResult[] checks)
    {
        var failures = checks.Where(c => c.Failed).SelectMany(c => c.Failures ?? []).ToList();
        if (failures.Count == 0)
        {
            return;
        }

        // A configuration error is the operator's to fix: say what is wrong, not where in the code.
        Console.Error.WriteLine("Margin Grid host: the configuration is refused, nothing was started.");
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"  - {failure}");
        }

        Console.Error.Flush();
        Environment.Exit(ConfigurationExitCode);
    }
}

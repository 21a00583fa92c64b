using Microsoft.Extensions.Options;

namespace Grid.Host.Hosting;

/// <summary>How the process hosts the silo and the gateway (configuration section "Grid:Host").</summary>
public sealed class GridHostOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Grid:Host";

    /// <summary>Embedded (default) or Redis.</summary>
    public HostMode Mode { get; set; } = HostMode.Embedded;

    /// <summary>HTTP/2-only port of the gRPC services: h2c (Kestrel's mixed mode does not serve gRPC in clear text),
    /// or HTTP/2 over TLS when <see cref="TlsOptions"/> has a certificate.</summary>
    public int GrpcPort { get; set; } = 5000;

    /// <summary>HTTP/1.1 port for health probes, metrics and the dashboard (HTTPS when <see cref="TlsOptions"/> has a certificate).</summary>
    public int HttpPort { get; set; } = 5001;

    /// <summary>Orleans silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Orleans cluster id (silos with the same id form one cluster).</summary>
    public string ClusterId { get; set; } = "grid";

    /// <summary>Orleans service id (also the prefix of every Redis key).</summary>
    public string ServiceId { get; set; } = "grid-service";

    /// <summary>Seed the demo market and accounts at start (idempotent).</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>Bind the gRPC and HTTP ports on loopback only. Plaintext is only allowed there: false requires a
    /// certificate in <see cref="TlsOptions"/> ("Grid:Host:Tls").</summary>
    public bool LoopbackOnly { get; set; } = true;

    /// <summary>Address other silos use to reach this one (Redis mode); default loopback, or POD_IP on Kubernetes.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Redis connection string (Redis mode), e.g. <c>localhost:6379,abortConnect=false</c>.</summary>
    public string RedisConnectionString { get; set; } = "localhost:6379,abortConnect=false";

    /// <summary>A rulebook JSON file installed at start when the cluster has none yet (e.g. a mounted ConfigMap).</summary>
    public string? RulebookPath { get; set; }

    /// <summary>Serve the Orleans dashboard at <c>/dashboard</c> on the HTTP port.</summary>
    public bool Dashboard { get; set; }

    /// <summary>Evict a dead silo within about a second instead of the Orleans defaults (tens of seconds).
    /// Aggressive: suits loopback and fast networks, where a GC pause cannot pass for a failure.</summary>
    public bool FastFailover { get; set; }

    /// <summary>
    /// Orleans' connection liveness check (Redis mode): a death vote against a silo that sent a message within
    /// the monitoring window (the longest probe cycle × missed probes: 8 s under <see cref="FastFailover"/>) is
    /// held back. On (the Orleans default) a hung silo (SIGSTOP, a frozen node: sockets open, nothing answers)
    /// is evicted after about 9 s with fast failover; off, within about 2 s, but a silo starved of CPU can be
    /// evicted as if it had failed. Measured by loadtests/chaos.sh (docs/reliability.md).
    /// </summary>
    public bool ConnectionLivenessCheck { get; set; } = true;

    /// <summary>
    /// The grain directory: <see cref="GrainDirectoryKind.Local"/> (Orleans' default) or
    /// <see cref="GrainDirectoryKind.Distributed"/>. Every silo of a cluster must use the same. Measured by
    /// loadtests/chaos.sh (docs/reliability.md).
    /// </summary>
    public GrainDirectoryKind GrainDirectory { get; set; } = GrainDirectoryKind.Local;
}

/// <summary>Checks <see cref="GridHostOptions"/> at start.</summary>
public sealed class GridHostOptionsValidator : IValidateOptions<GridHostOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GridHostOptions o)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(o.Mode))
        {
            errors.Add($"{GridHostOptions.Section}:Mode must be Embedded or Redis");
        }

        if (!Enum.IsDefined(o.GrainDirectory))
        {
            errors.Add($"{GridHostOptions.Section}:GrainDirectory must be Local or Distributed");
        }

        foreach (var (key, port) in new[] { ("GrpcPort", o.GrpcPort), ("HttpPort", o.HttpPort), ("SiloPort", o.SiloPort), ("GatewayPort", o.GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                errors.Add($"{GridHostOptions.Section}:{key} must be a port in 1..65535 (was {port})");
            }
        }

        if (new[] { o.GrpcPort, o.HttpPort, o.SiloPort, o.GatewayPort }.Distinct().Count() != 4)
        {
            errors.Add($"{GridHostOptions.Section}: GrpcPort, HttpPort, SiloPort and GatewayPort must all differ");
        }

        if (o.Mode == HostMode.Redis && string.IsNullOrWhiteSpace(o.RedisConnectionString))
        {
            errors.Add($"{GridHostOptions.Section}:RedisConnectionString is required in Redis mode");
        }

        if (o.RulebookPath is { Length: > 0 } path && !File.Exists(path))
        {
            errors.Add($"{GridHostOptions.Section}:RulebookPath '{path}' does not exist");
        }

        if (o.AdvertisedAddress is { Length: > 0 } address && !System.Net.IPAddress.TryParse(address, out _))
        {
            errors.Add($"{GridHostOptions.Section}:AdvertisedAddress '{address}' is not an IP address");
        }

        if (string.IsNullOrWhiteSpace(o.ClusterId) || string.IsNullOrWhiteSpace(o.ServiceId))
        {
            errors.Add($"{GridHostOptions.Section}: ClusterId and ServiceId are required");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using System.Net;
using Grid.Grains;
using Orleans.Configuration;
using Orleans.Storage;
using StackExchange.Redis;

namespace Grid.Host.Hosting;

/// <summary>Clustering, storage and failure detection of the silo, by <see cref="HostMode"/>.</summary>
internal static class SiloTopology
{
    /// <summary>Configuration section bound onto Orleans' <see cref="ClusterMembershipOptions"/> after <see cref="Membership"/>.</summary>
    public const string MembershipSection = GridHostOptions.Section + ":Membership";

    public static void Configure(ISiloBuilder silo, GridHostOptions options)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        Directory(silo, options.GrainDirectory);
        if (options.Mode == HostMode.Embedded)
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
            silo.AddGridMemoryStorage();
            return;
        }

        var redis = ConfigurationOptions.Parse(options.RedisConnectionString);
        redis.AbortOnConnectFail = false;
        if (OnKubernetes)
        {
            // Pod name, IP and namespace come from the downward API (POD_NAME, POD_IP, POD_NAMESPACE);
            // the agent labels this pod and hastens the eviction of deleted pods. Membership stays Redis.
            silo.UseKubernetesHosting();
            silo.Configure<EndpointOptions>(o =>
            {
                o.SiloPort = options.SiloPort;
                o.GatewayPort = options.GatewayPort;
            });
        }
        else
        {
            silo.ConfigureEndpoints(AdvertisedAddress(options), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !options.LoopbackOnly);
        }

        silo.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
        silo.AddRedisGrainStorage(GridStorage.Name, b => b.Configure<IServiceProvider>((o, sp) =>
        {
            o.ConfigurationOptions = redis.Clone();
            // Compact binary state with the same codecs as grain calls; decimals stay exact.
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(sp.GetRequiredService<Orleans.Serialization.Serializer>());
        }));
        silo.Configure<ClusterMembershipOptions>(o => Membership(options, o));

        // Any of Orleans' failure-detection settings, over the ones above (e.g. Grid:Host:Membership:NumMissedProbesLimit):
        // how fast a failure is detected trades against evicting a live silo, and that trade is the deployment's.
        silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration(MembershipSection);

        // Accounts write journals (what changed), many accounts per round trip; other grains keep the provider.
        silo.AddGridAccountJournal(options.RedisConnectionString);
    }

    /// <summary>
    /// Failure detection: Orleans' defaults, or <see cref="GridHostOptions.FastFailover"/>'s; the liveness check as configured.
    /// Orleans 10.4.2 adapts each probe's timeout to the monitored silo's round trips (mean + 5.2 standard deviations, never
    /// below mean + ProbeTimeout/2) and starts the next probe one timeout after the last: ≈ 0.5 s here on loopback. A silo
    /// is voted dead after NumMissedProbesLimit missed probes in a row, the last through another silo that must itself be
    /// healthy; a probe during which the prober stalled is inconclusive. So a live silo is evicted only after about a
    /// second of silence (more where round trips vary), and a hang is detected in ≈ 1.1–1.7 s, a kill in ≈ 0.55–1.1 s.
    /// Three probes of 0.6 s were measured against these two of 1 s (docs/reliability.md, "Failure detection (branch
    /// w30-failover)"): no faster after a hang, slower after a kill (each refused probe waits out its period), so kept.
    /// Grid:Host:Membership overrides any of them.
    /// </summary>
    public static void Membership(GridHostOptions options, ClusterMembershipOptions membership)
    {
        if (options.FastFailover)
        {
            membership.ProbeTimeout = TimeSpan.FromSeconds(1);
            membership.NumMissedProbesLimit = 2;
            membership.NumVotesForDeathDeclaration = 1;
            membership.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        }

        membership.EnableConnectionLivenessCheck = options.ConnectionLivenessCheck;
    }

    /// <summary>
    /// The grain directory. The distributed one rebuilds a dead silo's partition from the survivors' activations
    /// instead of deactivating them. Its dead-silo lease (Orleans' RangeLeaseDuration, 30 s, less the failure
    /// detection window) would keep the dead silo's grains from activating again for about 22 s under
    /// FastFailover, to guard against a declared-dead silo still running them; it is off here, as the local
    /// directory has none either: a stale account activation's writes are refused by its journal's write
    /// sequence, and every other stored grain's by its storage ETag.
    /// </summary>
    public static void Directory(ISiloBuilder silo, GrainDirectoryKind kind)
    {
        if (kind != GrainDirectoryKind.Distributed)
        {
            return;
        }

#pragma warning disable ORLEANSEXP003 // Experimental in Orleans 10; measured by loadtests/chaos.sh, opt-in.
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        silo.Configure<GrainDirectoryOptions>(o => o.RangeLeaseDuration = TimeSpan.Zero);
    }

    /// <summary>True inside a Kubernetes pod (the hosting package fails to start anywhere else).</summary>
    public static bool OnKubernetes => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"));

    private static IPAddress AdvertisedAddress(GridHostOptions options)
    {
        if (options.AdvertisedAddress is { Length: > 0 } text)
        {
            return IPAddress.Parse(text);
        }

        return Environment.GetEnvironmentVariable("POD_IP") is { Length: > 0 } pod ? IPAddress.Parse(pod) : IPAddress.Loopback;
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using StackExchange.Redis;

namespace Grid.Host.Tests.Kubernetes;

/// <summary>
/// Every overlay under k8s/overlays, rendered with <c>kubectl kustomize</c>, checked against what the
/// host really serves and reads: its appsettings.json, its endpoint source, its options classes (by
/// reflection on the built host) and the image's Dockerfile.
/// </summary>
public sealed class OverlayTests
{
    private const string Production = "prod";
    private const string Development = "dev";

    /// <summary>Non-Grid variables the silo container may set, each read by something in the process.</summary>
    private static readonly HashSet<string> KnownVariables =
    [
        // Microsoft.Orleans.Hosting.Kubernetes
        "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID",
        // ASP.NET Core environment (selects appsettings.{env}.json) and the .NET host's shutdown timeout
        "ASPNETCORE_ENVIRONMENT", "DOTNET_shutdownTimeoutSeconds",
        // StackExchange.Redis ambient TLS settings
        "SERedis_IssuerCertPath", "SERedis_ClientCertPfxPath", "SERedis_ClientCertPassword", "SERedis_ClientCertStorageFlags",
    ];

    public static TheoryData<string> Overlays
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var overlay in Repo.Overlays)
            {
                data.Add(overlay);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silo_HasTheOrleansKubernetesEnvironment_AndLabelsMatchIt(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);

        Assert.Equal("fieldRef:metadata.name", Variable(o, "POD_NAME").Source);
        Assert.Equal("fieldRef:metadata.namespace", Variable(o, "POD_NAMESPACE").Source);
        Assert.Equal("fieldRef:status.podIP", Variable(o, "POD_IP").Source);
        var serviceId = Variable(o, "ORLEANS_SERVICE_ID");
        var clusterId = Variable(o, "ORLEANS_CLUSTER_ID");
        Assert.Equal("configMap", serviceId.Source);
        Assert.Equal("configMap", clusterId.Source);
        Assert.False(string.IsNullOrWhiteSpace(serviceId.Value));
        Assert.False(string.IsNullOrWhiteSpace(clusterId.Value));

        // The agent selects silo pods by these labels; the host's own options must agree with Orleans'.
        Assert.Equal(serviceId.Value, o.PodLabels.GetValueOrDefault("orleans/serviceId"));
        Assert.Equal(clusterId.Value, o.PodLabels.GetValueOrDefault("orleans/clusterId"));
        Assert.Equal(serviceId.Value, o.Setting("Grid:Host:ServiceId"));
        Assert.Equal(clusterId.Value, o.Setting("Grid:Host:ClusterId"));

        // Selectors are immutable and the agent patches the orleans/* labels: they must stay out of the selector.
        Assert.DoesNotContain(o.Silo.Map("spec", "selector", "matchLabels").Keys, k => k.StartsWith("orleans/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Rbac_LetsTheSiloAccountGetListWatchAndPatchPods_AndNoMore(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);
        var ns = RenderedOverlay.Namespace(o.Silo);
        Assert.False(string.IsNullOrEmpty(ns), "the overlay must set a namespace (RoleBinding subjects need one)");
        var account = o.PodSpec.Text("serviceAccountName");
        var serviceAccount = o.Single("ServiceAccount", account);
        Assert.Equal(ns, RenderedOverlay.Namespace(serviceAccount));
        Assert.NotEqual(false, serviceAccount.Flag("automountServiceAccountToken"));
        Assert.NotEqual(false, o.PodSpec.Flag("automountServiceAccountToken"));

        var roles = o.OfKind("RoleBinding")
            .Where(b => RenderedOverlay.Namespace(b) == ns && b.Items("subjects").Any(s =>
                s.Text("kind") == "ServiceAccount" && s.Text("name") == account && (s.TextOrNull("namespace") ?? ns) == ns))
            .Select(b => o.Single(b.Text("roleRef", "kind"), b.Text("roleRef", "name")))
            .ToList();
        Assert.NotEmpty(roles);
        var podVerbs = roles
            .SelectMany(r => r.Items("rules"))
            .Where(r => r.Items("apiGroups").Any(g => g.GetString() == "") && r.Items("resources").Any(x => x.GetString() is "pods" or "*"))
            .SelectMany(r => r.Items("verbs").Select(v => v.GetString()!))
            .ToHashSet();
        Assert.Superset(new HashSet<string> { "get", "list", "watch", "patch" }, podVerbs);
        // delete only with KubernetesHostingOptions.DeleteDefunctSiloPods, which the host leaves off.
        Assert.DoesNotContain("delete", podVerbs);
        Assert.DoesNotContain("*", podVerbs);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Probes_HitPathsAndThePortTheHostServes(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);
        var httpPort = Int(o.Setting("Grid:Host:HttpPort"));
        Assert.Equal(Int(HostSource.AppSettings["Grid:Host:HttpPort"]), httpPort);
        var endpoints = Repo.Read(HostSource.EndpointsPath);
        var tls = KeysAndTlsTests.ServesTls(o);

        foreach (var (probe, expected) in new[] { ("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live"), ("startupProbe", null) })
        {
            var get = o.SiloContainer.At(probe, "httpGet");
            var path = get.Text("path");
            Assert.True(expected is null || path == expected, $"{probe} asks {path}, expected {expected}");
            Assert.True(endpoints.Contains($"\"{path}\"", StringComparison.Ordinal), $"{probe}: {HostSource.EndpointsPath} maps no \"{path}\"");
            Assert.Equal(httpPort, o.ContainerPort(get.At("port")));
            // With a certificate the HTTP port speaks only HTTPS (the kubelet does not verify the certificate).
            Assert.Equal(tls ? "HTTPS" : "HTTP", get.TextOrNull("scheme") ?? "HTTP");
            // The health endpoints RequireHost("*:HttpPort"): the kubelet's default Host header (podIP:port) matches, a custom one may not.
            Assert.DoesNotContain(get.Items("httpHeaders"), h => h.Text("name").Equals("Host", StringComparison.OrdinalIgnoreCase));
        }

        var startup = o.SiloContainer.At("startupProbe");
        var budget = (startup.Find("periodSeconds")?.GetInt32() ?? 10) * (startup.Find("failureThreshold")?.GetInt32() ?? 3);
        Assert.True(budget >= 30, $"the startup probe allows {budget} s; a silo joining through Redis needs more");

        var annotations = o.Silo.Map("spec", "template", "metadata", "annotations");
        if (annotations.TryGetValue("prometheus.io/port", out var scrapePort))
        {
            Assert.Equal(httpPort, Int(scrapePort));
            Assert.Equal(tls ? "https" : "http", annotations.GetValueOrDefault("prometheus.io/scheme", "http"));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void GrpcService_RoutesToTheGrpcPort_DeclaringItsProtocol(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);
        var grpcPort = Int(o.Setting("Grid:Host:GrpcPort"));
        Assert.Equal(Int(HostSource.AppSettings["Grid:Host:GrpcPort"]), grpcPort);

        var service = o.Single("Service", "grid");
        Assert.Equal(RenderedOverlay.Namespace(o.Silo), RenderedOverlay.Namespace(service));
        AssertSelects(service.Map("spec", "selector"), o.PodLabels, "Service grid");
        var port = Assert.Single(service.Items("spec", "ports"), p => p.TextOrNull("name") == "grpc");
        Assert.Equal(grpcPort, port.At("port").GetInt32());
        Assert.Equal(grpcPort, o.ContainerPort(port.Find("targetPort") ?? port.At("port")));
        // TLS end to end must not be declared h2c: a mesh or proxy would try to parse it as clear text.
        if (KeysAndTlsTests.ServesTls(o))
        {
            Assert.Equal("https", port.TextOrNull("appProtocol"));
        }
        else
        {
            Assert.Contains(port.TextOrNull("appProtocol"), new[] { "kubernetes.io/h2c", "grpc", "h2c" });
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void ContainerPorts_AreTheHostsPorts_AndTheImageExposesThem(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);
        foreach (var (name, key) in new[] { ("grpc", "GrpcPort"), ("http", "HttpPort"), ("silo", "SiloPort"), ("gateway", "GatewayPort") })
        {
            var port = Int(o.Setting($"Grid:Host:{key}"));
            Assert.Equal(port, o.ContainerPort(JsonSerializer.SerializeToElement(name)));
            Assert.Contains(port, DockerfileFacts.ExposedPorts);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Configuration_SetsOnlyKeysTheHostBinds_WithValuesItAccepts(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);
        var catalog = HostOptionsCatalog.Instance;
        var problems = o.ConfigEntries
            .Where(e => e.Key.StartsWith("Grid:", StringComparison.OrdinalIgnoreCase))
            .Select(e => catalog.Problem(e.Key, e.Value) is { } problem ? $"{problem} [{e.Origin}]" : null)
            .OfType<string>()
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // Grid variables need "__" to reach Grid:Section:Key; anything else would be silently ignored.
        Assert.DoesNotContain(o.Environment.Keys, k => k.StartsWith("Grid", StringComparison.OrdinalIgnoreCase) && !k.StartsWith("Grid__", StringComparison.Ordinal));
        Assert.DoesNotContain(o.Environment.Keys, k => !k.StartsWith("Grid__", StringComparison.Ordinal) && !KnownVariables.Contains(k));

        var file = o.MountedAppSettings();
        Assert.True(file is not null, $"no appsettings file is mounted in the host's content root ({DockerfileFacts.RuntimeWorkDir})");
        using var json = JsonDocument.Parse(file.Value.Json);
        Assert.Subset(new HashSet<string> { "Logging", "Grid" }, json.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silo_RunsOnRedisAndListensOnThePodNetwork(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);
        Assert.Equal("Redis", o.Setting("Grid:Host:Mode"), ignoreCase: true);
        Assert.Equal("false", o.Setting("Grid:Host:LoopbackOnly"), ignoreCase: true);

        var connection = Variable(o, "Grid__Host__RedisConnectionString");
        Assert.Equal("secret", connection.Source);
        var redis = ConfigurationOptions.Parse(connection.Value!);
        Assert.NotEmpty(redis.EndPoints);
        foreach (var endpoint in redis.EndPoints.OfType<DnsEndPoint>().Where(e => InCluster(e.Host)))
        {
            // A Service of this overlay must answer there.
            var service = o.Single("Service", endpoint.Host.Split('.')[0]);
            Assert.Contains(endpoint.Port, service.Items("spec", "ports").Select(p => p.At("port").GetInt32()));
        }

        var settings = o.EffectiveConfiguration();
        switch (overlay)
        {
            case Production:
                Assert.True(redis.Ssl, "production Redis must be reached over TLS (ssl=true)");
                Assert.Equal("false", settings["Grid:Host:SeedDemo"], ignoreCase: true);
                Assert.Equal("false", settings.GetValueOrDefault("Grid:Gateway:EnableEcho", "false"), ignoreCase: true);
                break;
            case Development:
                Assert.Equal("true", settings["Grid:Host:SeedDemo"], ignoreCase: true);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Shutdown_LeavesTheSiloTimeToDrainAfterPreStop(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);
        var grace = o.PodSpec.Find("terminationGracePeriodSeconds")?.GetInt32() ?? 30;
        var preStop = PreStopSeconds(o.SiloContainer);
        var drain = o.Environment.TryGetValue("DOTNET_shutdownTimeoutSeconds", out var timeout) ? Int(timeout.Value!) : 30;

        Assert.True(preStop >= 5, $"preStop waits {preStop} s: endpoints and load balancers need a few seconds to stop routing");
        Assert.True(drain >= 30, $"the host may drain for {drain} s only");
        Assert.True(grace >= preStop + drain, $"grace {grace} s < preStop {preStop} s + host shutdown {drain} s: the kubelet would kill a draining silo");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Disruptions_AreBudgeted_AndTheAutoscalerKeepsThreeToTwelveSilos(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);
        var pdb = Assert.Single(o.OfKind("PodDisruptionBudget"), p => Selects(p.Map("spec", "selector", "matchLabels"), o.PodLabels));
        Assert.True(pdb.Find("spec", "minAvailable") is not null || pdb.At("spec", "maxUnavailable").GetRawText() == "1", "the PDB must keep all but one silo (maxUnavailable 1) or set minAvailable");

        var hpa = Assert.Single(o.OfKind("HorizontalPodAutoscaler"), h => h.Text("spec", "scaleTargetRef", "kind") == "Deployment" && h.Text("spec", "scaleTargetRef", "name") == RenderedOverlay.SiloDeployment);
        var min = hpa.At("spec", "minReplicas").GetInt32();
        var max = hpa.At("spec", "maxReplicas").GetInt32();
        Assert.Equal((3, 12), (min, max));
        Assert.Contains(hpa.Items("spec", "metrics"), m => m.Text("type") == "Resource" && m.Text("resource", "name") == "cpu");
        Assert.True((hpa.Find("spec", "behavior", "scaleDown", "stabilizationWindowSeconds")?.GetInt32() ?? 0) >= 60, "scale-in needs a stabilization window");

        // Scale-in hands accounts over one silo at a time: no policy may remove a second silo before the
        // first has had its whole grace period (preStop, drain, grain deactivation) to leave.
        var grace = o.Silo.At("spec", "template", "spec", "terminationGracePeriodSeconds").GetInt32();
        var scaleDown = hpa.Items("spec", "behavior", "scaleDown", "policies").ToList();
        Assert.NotEmpty(scaleDown);
        Assert.All(scaleDown, p => Assert.True(
            p.Text("type") == "Pods" && p.At("value").GetInt32() == 1 && p.At("periodSeconds").GetInt32() >= grace,
            $"a scale-down policy must remove one silo per period of at least the {grace} s grace period"));

        var replicas = o.Silo.Find("spec", "replicas")?.GetInt32();
        if (overlay == Production)
        {
            Assert.True(replicas is null, "production leaves spec.replicas to the autoscaler (an apply would reset a scaled-out cluster)");
        }
        else if (replicas is { } count)
        {
            Assert.InRange(count, min, max);
        }

        if (overlay == Development)
        {
            Assert.Equal(3, replicas);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Pods_AreSpreadAcrossNodes_AndSized(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);
        var spread = o.PodSpec.Items("topologySpreadConstraints").ToList();
        Assert.Contains(spread, c => c.Text("topologyKey") == "kubernetes.io/hostname");
        foreach (var constraint in spread)
        {
            AssertSelects(constraint.Map("labelSelector", "matchLabels"), o.PodLabels, $"spread on {constraint.Text("topologyKey")}");
        }

        Assert.Equal(spread.Count, spread.Select(c => (c.Text("topologyKey"), c.Text("whenUnsatisfiable"))).Distinct().Count());

        var resources = o.SiloContainer.At("resources");
        foreach (var kind in new[] { "requests", "limits" })
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.True(resources.Find(kind, resource) is not null, $"silo {kind}.{resource} is not set");
            }
        }

        if (overlay == Production)
        {
            // Guaranteed QoS: no overcommit that could stall membership probes.
            Assert.Equal(resources.At("requests").GetRawText(), resources.At("limits").GetRawText());
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Pods_RunAsTheImagesNonRootUser_OnAReadOnlyRoot(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);
        var pod = o.PodSpec.At("securityContext");
        var container = o.SiloContainer.At("securityContext");
        Assert.True(pod.Flag("runAsNonRoot") == true || container.Flag("runAsNonRoot") == true, "runAsNonRoot");
        var uid = container.Find("runAsUser") ?? pod.At("runAsUser");
        Assert.Equal(DockerfileFacts.User.Split(':')[0], uid.GetRawText());
        Assert.True(container.Flag("readOnlyRootFilesystem") == true, "readOnlyRootFilesystem");
        Assert.True(container.Flag("allowPrivilegeEscalation") == false, "allowPrivilegeEscalation");
        Assert.Contains("ALL", container.Items("capabilities", "drop").Select(c => c.GetString()));

        // A read-only root needs a writable /tmp (.NET diagnostics and temporary files).
        var tmp = Assert.Single(o.SiloContainer.Items("volumeMounts"), m => m.Text("mountPath") == "/tmp");
        Assert.Contains(o.PodSpec.Items("volumes"), v => v.Text("name") == tmp.Text("name") && v.Find("emptyDir") is not null);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Volumes_ReferToObjectsTheOverlayRenders_AndTheRulebookIsTheHostsDefault(string overlay)
    {
        var o = RenderedOverlay.Get(overlay);
        foreach (var volume in o.PodSpec.Items("volumes"))
        {
            if (volume.Find("configMap") is { } configMap && configMap.Flag("optional") != true)
            {
                Assert.NotNull(o.Find("ConfigMap", configMap.Text("name")));
            }

            if (volume.Find("secret") is { } secret && secret.Flag("optional") != true)
            {
                var name = secret.Text("secretName");
                Assert.True(o.Find("Secret", name) is not null || KeysAndTlsTests.OperatorSecrets(overlay).Contains(name), $"overlay {overlay} renders no Secret {name}");
            }
        }

        var mount = Assert.Single(o.SiloContainer.Items("volumeMounts"), m => m.Text("mountPath") == "/etc/grid/rulebook");
        var rulebook = o.PodSpec.Items("volumes").Single(v => v.Text("name") == mount.Text("name")).Text("configMap", "name");
        Assert.Equal(Repo.Read(HostSource.RulebookPath), o.ConfigMapData(rulebook)["default-rulebook.json"]);
    }

    private static EnvVar Variable(RenderedOverlay o, string name)
        => o.Environment.TryGetValue(name, out var variable) ? variable : throw new Xunit.Sdk.XunitException($"overlay {o.Name}: the silo container has no {name}");

    private static int PreStopSeconds(JsonElement container)
    {
        var preStop = container.At("lifecycle", "preStop");
        if (preStop.Find("sleep", "seconds") is { } seconds)
        {
            return seconds.GetInt32();
        }

        var command = string.Join(' ', preStop.Items("exec", "command").Select(c => c.GetString()));
        var match = System.Text.RegularExpressions.Regex.Match(command, @"\bsleep\s+(\d+)");
        return match.Success ? Int(match.Groups[1].Value) : throw new Xunit.Sdk.XunitException($"preStop does not sleep: {command}");
    }

    private static bool InCluster(string host)
        => !host.Contains('.', StringComparison.Ordinal) || host.EndsWith(".svc", StringComparison.Ordinal) || host.Contains(".svc.", StringComparison.Ordinal);

    private static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels)
        => selector.Count > 0 && selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);

    private static void AssertSelects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels, string what)
        => Assert.True(Selects(selector, labels), $"{what} selects {string.Join(",", selector)}, not the silo pods ({string.Join(",", labels)})");

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}

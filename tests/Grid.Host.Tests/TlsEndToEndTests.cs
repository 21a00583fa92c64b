using System.Net;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace Grid.Host.Tests;

/// <summary>
/// Transport security of the real host process: with Grid:Host:Tls both ports serve HTTPS with the
/// configured certificate (gRPC over HTTP/2 with ALPN, health over HTTP/1.1) and refuse clear text;
/// without a certificate the host serves clear text on loopback only and refuses to listen wider.
/// </summary>
public sealed class TlsEndToEndTests
{
    private static readonly Metadata AdminKey = new() { { "x-api-key", TestKeys.Admin } };

    [Fact]
    public async Task Tls_ServesGrpcAndHealthOverHttps_AndRefusesClearText()
    {
        using var tls = TestCertificate.Create();
        await using var host = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                // All interfaces: the configuration a pod runs, allowed because a certificate is set.
                ["Grid:Host:LoopbackOnly"] = "false",
                ["Logging:LogLevel:Grid.Host.Tls"] = "Information",
            },
            tls: tls);

        // gRPC over TLS, pinned to the test certificate, with an API key: served.
        using var secure = GrpcChannel.ForAddress($"https://localhost:{host.GrpcPort}", new GrpcChannelOptions { HttpHandler = tls.Handler() });
        var instruments = await new Admin.AdminClient(secure).ListInstrumentsAsync(new ListInstrumentsRequest(), AdminKey);
        Assert.NotEmpty(instruments.Instruments);

        // TLS does not replace the key: the same channel without one is refused.
        var anonymous = await Assert.ThrowsAsync<RpcException>(async () => await new Admin.AdminClient(secure).ListInstrumentsAsync(new ListInstrumentsRequest()));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        // Clear-text HTTP/2 (h2c) to the same port: no answer, whatever the key.
        using var plain = GrpcChannel.ForAddress($"http://127.0.0.1:{host.GrpcPort}");
        var h2c = await Assert.ThrowsAsync<RpcException>(async () =>
            await new Admin.AdminClient(plain).ListInstrumentsAsync(new ListInstrumentsRequest(), AdminKey, deadline: DateTime.UtcNow.AddSeconds(10)));
        Assert.Contains(h2c.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal });

        // A client that trusts only the system store refuses the self-signed certificate: it is the one presented.
        using var system = GrpcChannel.ForAddress($"https://localhost:{host.GrpcPort}");
        var untrusted = await Assert.ThrowsAsync<RpcException>(async () => await new Admin.AdminClient(system).ListInstrumentsAsync(new ListInstrumentsRequest(), AdminKey));
        Assert.Contains("SSL connection could not be established", untrusted.Status.Detail + untrusted.Status.DebugException);

        // Health over HTTPS on the HTTP port; clear-text HTTP/1.1 there fails.
        using var https = new HttpClient(tls.Handler()) { Timeout = TimeSpan.FromSeconds(10) };
        var live = await https.GetAsync($"https://localhost:{host.HttpPort}/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:{host.HttpPort}/health/live"));

        // The host says which scheme each port serves.
        Assert.Contains($"gRPC port {host.GrpcPort} serves https (Http2) on all interfaces", host.Output);
        Assert.Contains($"HTTP port {host.HttpPort} serves https (Http1) on all interfaces", host.Output);
        Assert.Contains(tls.Sha256, host.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AllInterfaces_WithoutACertificate_RefusesToStart_NamingTheTlsSettings()
    {
        var attempt = await HostStartAttempt.RunAsync(new Dictionary<string, string> { ["Grid:Host:LoopbackOnly"] = "false" });

        Assert.NotEqual(0, attempt.ExitCode);
        Assert.Contains("Grid:Host:LoopbackOnly", attempt.Output);
        Assert.Contains("Grid:Host:Tls:CertificatePath", attempt.Output);
        AssertNoStackTrace(attempt.Output);
    }

    [Fact]
    public async Task MissingOrMismatchedCertificateFiles_RefuseToStart_NamingThePaths()
    {
        using var a = TestCertificate.Create();
        using var b = TestCertificate.Create();
        var missing = Path.Combine(Path.GetDirectoryName(a.CertificatePath)!, "absent.crt");

        var absent = await HostStartAttempt.RunAsync(new Dictionary<string, string>
        {
            ["Grid:Host:Tls:CertificatePath"] = missing,
            ["Grid:Host:Tls:KeyPath"] = a.KeyPath,
        });
        Assert.NotEqual(0, absent.ExitCode);
        Assert.Contains($"Grid:Host:Tls:CertificatePath '{missing}' does not exist", absent.Output);
        AssertNoStackTrace(absent.Output);

        // A's certificate with B's key.
        var mismatched = await HostStartAttempt.RunAsync(new Dictionary<string, string>
        {
            ["Grid:Host:Tls:CertificatePath"] = a.CertificatePath,
            ["Grid:Host:Tls:KeyPath"] = b.KeyPath,
        });
        Assert.NotEqual(0, mismatched.ExitCode);
        Assert.Contains($"Grid:Host:Tls:CertificatePath '{a.CertificatePath}' with Grid:Host:Tls:KeyPath '{b.KeyPath}' cannot be loaded", mismatched.Output);
        AssertNoStackTrace(mismatched.Output);
    }

    [Fact]
    public async Task PublishedDevelopmentKeys_AreRefused_OnAHostListeningBeyondLoopback()
    {
        using var tls = TestCertificate.Create();
        var settings = new Dictionary<string, string>(tls.Settings)
        {
            ["Grid:Host:LoopbackOnly"] = "false",
            ["Grid:Security:Keys:0:Id"] = "ops",
            ["Grid:Security:Keys:0:Role"] = "Admin",
            ["Grid:Security:Keys:0:Sha256"] = TestKeys.Hash("grid-dev-admin"),
        };

        var attempt = await HostStartAttempt.RunAsync(settings);

        Assert.Equal(78, attempt.ExitCode);
        Assert.Contains("development keys are refused", attempt.Output);
        AssertNoStackTrace(attempt.Output);
    }

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("   at ", output);
    }
}

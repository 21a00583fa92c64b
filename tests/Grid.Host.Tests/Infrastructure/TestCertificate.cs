using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Grid.Host.Tests.Infrastructure;

/// <summary>
/// A self-signed server certificate made for one test (CN=localhost; SAN localhost, 127.0.0.1, ::1),
/// written as PEM files the host reads through Grid:Host:Tls, and clients that trust exactly it.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private readonly string _directory;

    private TestCertificate(string directory, string certificatePath, string keyPath, string sha256)
    {
        _directory = directory;
        CertificatePath = certificatePath;
        KeyPath = keyPath;
        Sha256 = sha256;
    }

    /// <summary>tls.crt: the certificate, PEM.</summary>
    public string CertificatePath { get; }

    /// <summary>tls.key: its PKCS#8 private key, PEM.</summary>
    public string KeyPath { get; }

    /// <summary>Hex SHA-256 of the certificate (what a client pins).</summary>
    public string Sha256 { get; }

    /// <summary>The host settings that make it serve this certificate on both ports.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Grid:Host:Tls:CertificatePath", CertificatePath),
        new("Grid:Host:Tls:KeyPath", KeyPath),
    ];

    public static TestCertificate Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        var directory = Directory.CreateTempSubdirectory("grid-tls-").FullName;
        var certificatePath = Path.Combine(directory, "tls.crt");
        var keyPath = Path.Combine(directory, "tls.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(directory, certificatePath, keyPath, certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    /// <summary>An HTTP handler that accepts this certificate, and only this one (by SHA-256), whatever the host name.</summary>
    public SocketsHttpHandler Handler() => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && string.Equals(presented.GetCertHashString(HashAlgorithmName.SHA256), Sha256, StringComparison.OrdinalIgnoreCase),
        },
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}

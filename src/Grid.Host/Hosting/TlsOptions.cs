namespace Grid.Host.Hosting;

/// <summary>
/// TLS of the gRPC and HTTP ports (configuration section "Grid:Host:Tls"). With a certificate both
/// Kestrel ports serve HTTPS (the gRPC port HTTP/2 through ALPN, the HTTP port HTTP/1.1); without one
/// they serve clear text, which the host allows only when <see cref="GridHostOptions.LoopbackOnly"/> is true.
/// </summary>
public sealed class TlsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Grid:Host:Tls";

    /// <summary>
    /// The server certificate: a PEM file (the leaf first, then any intermediates, as in a Kubernetes
    /// <c>kubernetes.io/tls</c> Secret's <c>tls.crt</c>) or a PKCS#12 file (<c>.pfx</c> or <c>.p12</c>).
    /// Empty: no TLS.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key (e.g. <c>tls.key</c>); empty when the key is in the certificate file or a PKCS#12 file.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of the PKCS#12 file or of an encrypted PEM key; empty when neither is protected.</summary>
    public string? Password { get; set; }

    /// <summary>True when a certificate is configured (both ports then serve HTTPS).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificatePath);
}

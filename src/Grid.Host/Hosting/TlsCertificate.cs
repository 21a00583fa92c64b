using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Grid.Host.Hosting;

/// <summary>
/// The server certificate the Kestrel ports present, loaded from <see cref="TlsOptions"/>: the leaf
/// with its private key, and the intermediates found beside it (sent in the handshake).
/// </summary>
internal sealed class TlsCertificate : IDisposable
{
    private TlsCertificate(X509Certificate2 leaf, X509Certificate2Collection intermediates, string path)
    {
        Leaf = leaf;
        Intermediates = intermediates;
        Path = path;
    }

    /// <summary>The server certificate, with its private key.</summary>
    public X509Certificate2 Leaf { get; }

    /// <summary>The other certificates of the file (intermediate CAs), possibly none.</summary>
    public X509Certificate2Collection Intermediates { get; }

    /// <summary>Where it was loaded from.</summary>
    public string Path { get; }

    /// <summary>True for a PKCS#12 file (by its extension: .pfx or .p12); anything else is read as PEM.</summary>
    public static bool IsPkcs12(string path)
        => System.IO.Path.GetExtension(path) is { } extension
            && (extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase));

    /// <summary>Loads the configured certificate.</summary>
    /// <exception cref="CryptographicException">The file is not a certificate, the key is missing or does not match, or the password is wrong.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static TlsCertificate Load(TlsOptions options)
    {
        var path = options.CertificatePath is { Length: > 0 } p ? p : throw new ArgumentException($"{TlsOptions.Section}:CertificatePath is not set", nameof(options));
        return IsPkcs12(path) ? LoadPkcs12(path, options.Password) : LoadPem(path, options.KeyPath, options.Password);
    }

    public void Dispose()
    {
        Leaf.Dispose();
        foreach (var certificate in Intermediates)
        {
            certificate.Dispose();
        }
    }

    private static TlsCertificate LoadPem(string path, string? keyPath, string? password)
    {
        var key = string.IsNullOrWhiteSpace(keyPath) ? null : keyPath;
        var leaf = string.IsNullOrEmpty(password)
            ? X509Certificate2.CreateFromPemFile(path, key)
            : X509Certificate2.CreateFromEncryptedPemFile(path, password, key);
        var all = new X509Certificate2Collection();
        all.ImportFromPemFile(path);
        return Complete(leaf, all, path);
    }

    private static TlsCertificate LoadPkcs12(string path, string? password)
    {
        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password);
        return Complete(all.FirstOrDefault(c => c.HasPrivateKey) ?? all.FirstOrDefault(), all, path);
    }

    private static TlsCertificate Complete(X509Certificate2? leaf, X509Certificate2Collection all, string path)
    {
        if (leaf is not { HasPrivateKey: true })
        {
            leaf?.Dispose();
            foreach (var certificate in all)
            {
                certificate.Dispose();
            }

            throw new CryptographicException("the certificate has no private key");
        }

        var intermediates = new X509Certificate2Collection();
        foreach (var certificate in all)
        {
            if (ReferenceEquals(certificate, leaf))
            {
                continue;
            }

            if (certificate.Thumbprint == leaf.Thumbprint)
            {
                certificate.Dispose();
            }
            else
            {
                intermediates.Add(certificate);
            }
        }

        if (OperatingSystem.IsWindows())
        {
            // SChannel cannot use the ephemeral key of a PEM import: give it a PKCS#12 round trip.
            using var ephemeral = leaf;
            leaf = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }

        return new TlsCertificate(leaf, intermediates, path);
    }
}

using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Grid.Host.Hosting;

/// <summary>
/// Checks <see cref="TlsOptions"/> at start: clear text only on loopback, settings that belong
/// together, and a certificate that loads with its private key. Every message names the setting.
/// </summary>
public sealed class TlsOptionsValidator(IOptions<GridHostOptions> host) : IValidateOptions<TlsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TlsOptions o)
    {
        var errors = new List<string>();
        if (!o.IsConfigured)
        {
            if (!host.Value.LoopbackOnly)
            {
                errors.Add($"{GridHostOptions.Section}:LoopbackOnly is false but no certificate is configured: set {TlsOptions.Section}:CertificatePath "
                    + $"(and {TlsOptions.Section}:KeyPath for a separate PEM key), or keep {GridHostOptions.Section}:LoopbackOnly=true: clear-text gRPC and HTTP are served on loopback only");
            }

            foreach (var (key, value) in new[] { ("KeyPath", o.KeyPath), ("Password", o.Password) })
            {
                if (!string.IsNullOrEmpty(value))
                {
                    errors.Add($"{TlsOptions.Section}:{key} is set but {TlsOptions.Section}:CertificatePath is not");
                }
            }

            return Result(errors);
        }

        var certificatePath = o.CertificatePath!;
        if (!File.Exists(certificatePath))
        {
            errors.Add($"{TlsOptions.Section}:CertificatePath '{certificatePath}' does not exist");
        }

        if (TlsCertificate.IsPkcs12(certificatePath) && !string.IsNullOrWhiteSpace(o.KeyPath))
        {
            errors.Add($"{TlsOptions.Section}:KeyPath must be empty for a PKCS#12 certificate ('{certificatePath}' carries its own key)");
        }
        else if (o.KeyPath is { Length: > 0 } keyPath && !File.Exists(keyPath))
        {
            errors.Add($"{TlsOptions.Section}:KeyPath '{keyPath}' does not exist");
        }

        if (errors.Count == 0)
        {
            try
            {
                using var certificate = TlsCertificate.Load(o);
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                errors.Add($"{TlsOptions.Section}:CertificatePath '{certificatePath}'"
                    + (o.KeyPath is { Length: > 0 } key ? $" with {TlsOptions.Section}:KeyPath '{key}'" : "")
                    + $" cannot be loaded: {e.Message}");
            }
        }

        return Result(errors);
    }

    private static ValidateOptionsResult Result(List<string> errors)
        => errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Grid.Gateway.Security;

/// <summary>Resolves a presented API key to its <see cref="Caller"/> by SHA-256, compared in constant time.</summary>
public sealed class CallerDirectory(IOptionsMonitor<SecurityOptions> options)
{
    /// <summary>The caller of a key, or null when the key is unknown.</summary>
    public Caller? Find(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[32];
        Span<byte> expected = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        Caller? found = null;
        foreach (var key in options.CurrentValue.Keys)
        {
            if (Convert.FromHexString(key.Sha256, expected, out _, out var written) == System.Buffers.OperationStatus.Done
                && written == 32 && CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                found = new Caller(key.Id, key.Role, key.Accounts);
            }
        }

        return found;
    }

    /// <summary>The lower-case hex SHA-256 to configure for a key secret.</summary>
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

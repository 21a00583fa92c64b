namespace Grid.Gateway.Security;

/// <summary>One API key as configured: only the SHA-256 of the secret is stored.</summary>
public sealed class ApiKey
{
    /// <summary>Who the key belongs to (appears in the audit trail), e.g. "venue-a-engine".</summary>
    public string Id { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key's secret (64 characters).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The role the key grants.</summary>
    public GatewayRole Role { get; set; }

    /// <summary>Accounts the key may act on: exact ids, prefixes ending in '*', or "*" for all (admin ignores it).</summary>
    public List<string> Accounts { get; set; } = [];
}

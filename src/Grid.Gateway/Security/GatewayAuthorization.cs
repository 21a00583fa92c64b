namespace Grid.Gateway.Security;

/// <summary>Names of the API-key authentication scheme and of the policies built on it, for HTTP endpoints.</summary>
public static class GatewayAuthorization
{
    /// <summary>The API-key authentication scheme.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>Callers with the admin role (the risk console shows every account).</summary>
    public const string AdminPolicy = "grid-admin";
}

namespace Grid.Cli.Connection;

/// <summary>Where and how to reach the grid: the gRPC address, the caller's API key and the unary deadline.</summary>
internal sealed record ConnectionSettings(Uri Server, string? ApiKey, TimeSpan Deadline)
{
    /// <summary>The address the host listens on by default (gRPC over clear-text HTTP/2).</summary>
    public const string DefaultAddress = "http://localhost:5000";

    /// <summary>The metadata header that carries the API key.</summary>
    public const string ApiKeyHeader = "x-api-key";

    /// <summary><see cref="DefaultAddress"/> as a URI.</summary>
    public static readonly Uri DefaultServer = new(DefaultAddress);

    /// <summary>How long a unary call may take before it fails with DEADLINE_EXCEEDED.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    /// <summary>The server address as people write it: "http://localhost:5000".</summary>
    public string Address => Server.AbsoluteUri.TrimEnd('/');

    /// <summary>The address and whether a key is set; never the key itself.</summary>
    public override string ToString() => $"{Address} (api key {(ApiKey is null ? "not set" : "set")})";
}

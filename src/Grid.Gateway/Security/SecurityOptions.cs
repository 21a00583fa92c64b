namespace Grid.Gateway.Security;

/// <summary>Authentication and limits of the gRPC gateway (configuration section "Grid:Security").</summary>
public sealed class SecurityOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Grid:Security";

    /// <summary>Metadata header that carries the API key.</summary>
    public const string Header = "x-api-key";

    /// <summary>Require an API key on every call (health checks excepted). Off only for experiments on loopback.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The accepted keys.</summary>
    public List<ApiKey> Keys { get; set; } = [];

    /// <summary>
    /// HTTP endpoints (the risk console) treat a request from this machine without a key as an admin's.
    /// Set by the host together with the published development keys (loopback-only hosts with no keys),
    /// so a browser on this machine opens the console without typing a key; never on a shared machine.
    /// </summary>
    public bool LoopbackAdmin { get; set; }

    /// <summary>Most concurrent streaming calls one key may hold open.</summary>
    public int MaxStreamsPerCaller { get; set; } = 16;
}

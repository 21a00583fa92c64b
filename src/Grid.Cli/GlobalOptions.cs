using Grid.Cli.Connection;
using Grid.Cli.Parsing;

namespace Grid.Cli;

/// <summary>The options every command accepts, and how they resolve against the environment.</summary>
internal static class GlobalOptions
{
    /// <summary>Environment variable read when <c>--server</c> is not given.</summary>
    public const string ServerVariable = "GRID_SERVER";

    /// <summary>Environment variable read when <c>--api-key</c> is not given.</summary>
    public const string ApiKeyVariable = "GRID_API_KEY";

    /// <summary><c>--server URL</c>.</summary>
    public static readonly OptionSpec Server = new(
        "server", "URL", $"the grid's gRPC address (env {ServerVariable}; default {ConnectionSettings.DefaultAddress})");

    /// <summary><c>--api-key KEY</c>.</summary>
    public static readonly OptionSpec ApiKey = new(
        "api-key", "KEY", $"sent as the {ConnectionSettings.ApiKeyHeader} header (env {ApiKeyVariable}; on localhost, default grid-dev-ROLE)");

    /// <summary><c>--json</c>.</summary>
    public static readonly OptionSpec Json = new("json", null, "print the raw response as JSON instead of a table");

    /// <summary><c>--help</c>, also <c>-h</c>.</summary>
    public static readonly OptionSpec Help = new("help", null, "show help (also -h)");

    /// <summary>All global options, in help order.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [Server, ApiKey, Json, Help];

    /// <summary>True when <paramref name="token"/> is a global option that takes its value from the next token.</summary>
    public static bool TakesNextToken(string token) => token == "--" + Server.Name || token == "--" + ApiKey.Name;

    /// <summary>
    /// The connection settings: options first, then the environment, then the defaults. With no key
    /// given and the grid on this machine, the embedded grid's development key for <paramref name="role"/>
    /// ("grid-dev-ROLE", README) is sent.
    /// </summary>
    public static ConnectionSettings Resolve(Arguments arguments, Func<string, string?> environment, string role = "admin")
    {
        var server = ConnectionSettings.DefaultServer;
        var (text, source) = arguments.Option(Server.Name) is { } option
            ? (option, "--" + Server.Name)
            : (environment(ServerVariable), ServerVariable);
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                throw new UsageException($"bad {source} '{text}': expected http://host:port (clear-text h2c) or https://host:port");
            }

            server = parsed;
        }

        var apiKey = arguments.Option(ApiKey.Name) ?? environment(ApiKeyVariable);
        if (string.IsNullOrEmpty(apiKey) && server.IsLoopback)
        {
            apiKey = "grid-dev-" + role;
        }

        return new ConnectionSettings(server, string.IsNullOrEmpty(apiKey) ? null : apiKey, ConnectionSettings.DefaultDeadline);
    }
}

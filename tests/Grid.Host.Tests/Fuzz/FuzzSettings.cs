using System.Globalization;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// The fuzz run's knobs. The seed and the message count are fixed; GRID_FUZZ_SEED and
/// GRID_FUZZ_MESSAGES override them to replay another seed or to run a short smoke, GRID_FUZZ_ONLY
/// (e.g. "Accounts.Withdraw") fuzzes only the RPCs whose label contains it, and GRID_FUZZ_DETAIL=1 adds
/// status details to the histograms.
/// </summary>
internal static class FuzzSettings
{
    /// <summary>Seed of every random choice (printed; each message is reproducible from seed, RPC and index).</summary>
    public static int Seed { get; } = FromEnvironment("GRID_FUZZ_SEED", 20_261_125);

    /// <summary>Hostile messages sent to each RPC (the issue asks for at least 10,000).</summary>
    public static int MessagesPerRpc { get; } = FromEnvironment("GRID_FUZZ_MESSAGES", 10_000);

    /// <summary>Only the RPCs whose label contains this (empty: all).</summary>
    public static string Only { get; } = Environment.GetEnvironmentVariable("GRID_FUZZ_ONLY") ?? "";

    /// <summary>Unary calls in flight at once.</summary>
    public const int UnaryConcurrency = 32;

    /// <summary>Server-streaming calls in flight at once.</summary>
    public const int StreamConcurrency = 64;

    /// <summary>Duplex streams open at once per duplex RPC.</summary>
    public const int DuplexConcurrency = 4;

    /// <summary>A unary call slower than this is a hang.</summary>
    public static readonly TimeSpan UnaryDeadline = TimeSpan.FromSeconds(15);

    /// <summary>A server-streaming call is cut after its first message or this long.</summary>
    public static readonly TimeSpan StreamDeadline = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a duplex probe may wait for its answer before the stream counts as stuck.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The server's message size cap (Grid:Gateway:MaxMessageBytes default).</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>The Margin service's own cap (Grid:Margin:MaxRequestBytes default): portfolio documents are larger.</summary>
    public const int MaxSimulationBytes = 4 * 1024 * 1024;

    /// <summary>The message size cap of <paramref name="rpc"/>.</summary>
    public static int MessageCap(RpcTarget rpc) => rpc.Service == "grid.v1.Margin" ? MaxSimulationBytes : MaxMessageBytes;

    /// <summary>Host settings on top of the test defaults: enough stream slots for the fuzz, the Echo benchmark served.</summary>
    public static IReadOnlyDictionary<string, string> HostOverrides { get; } = new Dictionary<string, string>
    {
        ["Grid:Security:MaxStreamsPerCaller"] = "1024",
        ["Grid:Gateway:EnableEcho"] = "true",
    };

    private static int FromEnvironment(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

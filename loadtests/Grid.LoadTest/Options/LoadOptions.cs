using Grid.LoadTest.Chaos;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Options;

/// <summary>
/// Everything one run of the load generator does, from the command line (see <see cref="HelpText"/>).
/// A run funds the accounts, then measures the grid (PreTrade.Stream), the gRPC echo ceiling
/// (Echo.Stream, same load) and the in-process risk core, and writes one report.
/// </summary>
public sealed class LoadOptions
{
    /// <summary>gRPC (h2c) endpoints of the grid; streams are spread over them round-robin.</summary>
    public IReadOnlyList<Uri> Targets { get; set; } = [new Uri("http://127.0.0.1:5100")];

    /// <summary>API key of the streams (engine role); the embedded grid's development key by default.</summary>
    public string EngineKey { get; set; } = "grid-dev-engine";

    /// <summary>API key of the funding deposits (admin role); the embedded grid's development key by default.</summary>
    public string AdminKey { get; set; } = "grid-dev-admin";

    /// <summary>Simulated matching engines: one PreTrade stream each.</summary>
    public int Streams { get; set; } = 4;

    /// <summary>All streams share one channel (one HTTP/2 connection) instead of one channel each.</summary>
    public bool SharedChannel { get; set; }

    /// <summary>
    /// Fund (and so first activate) each account through the target its stream uses, so that with
    /// [PreferLocalPlacement] the account lives on the silo its traffic reaches; false: all through the first target.
    /// </summary>
    public bool FundViaStreamTarget { get; set; } = true;

    /// <summary>Accounts traded; account <c>i</c> belongs to stream <c>i mod Streams</c>, so each account has one writer.</summary>
    public int Accounts { get; set; } = 1_000;

    /// <summary>Account ids are this prefix followed by a zero-padded number.</summary>
    public string AccountPrefix { get; set; } = "load-";

    /// <summary>USD deposited into each account before the run (idempotent across runs).</summary>
    public decimal Funding { get; set; } = 10_000_000m;

    /// <summary>Instruments traded, with the reference price the orders are placed around.</summary>
    public IReadOnlyList<TradedInstrument> Instruments { get; set; } =
    [
        TradedInstrument.Near("BTC-PERP", 60_000m),
        TradedInstrument.Near("ETH-PERP", 3_000m),
    ];

    /// <summary>Shares of new orders, cancels and partial fills, and of risk-reducing new orders.</summary>
    public OrderMix Mix { get; set; } = OrderMix.Default;

    /// <summary>Most resting orders the engine keeps per account; beyond it a new order becomes a cancel.</summary>
    public int MaxRestingPerAccount { get; set; } = 32;

    /// <summary>Open loop: messages per second over all streams on a fixed schedule. Null for closed loop.</summary>
    public double? Rate { get; set; }

    /// <summary>Closed loop: messages outstanding per stream (used when <see cref="Rate"/> is null).</summary>
    public int Concurrency { get; set; } = 64;

    /// <summary>Open loop pacing: sleep between sends (cheap, up to ~1 ms late) or yield-spin (punctual, busy).</summary>
    public bool SpinPacing { get; set; }

    /// <summary>Measured time per phase.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Unmeasured load before each phase (JIT, connection windows, grain activation).</summary>
    public TimeSpan Warmup { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a phase waits for the replies still outstanding when sending stops.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Measure the grid (PreTrade.Stream).</summary>
    public bool Grid { get; set; } = true;

    /// <summary>Measure the echo ceiling (Echo.Stream; needs the server's benchmark mode).</summary>
    public bool Echo { get; set; } = true;

    /// <summary>Seconds of in-process AccountBook.Check on one thread; zero skips the core baseline.</summary>
    public TimeSpan CoreDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Folder of the JSON and Markdown reports (created if missing).</summary>
    public string OutputDirectory { get; set; } = "";

    /// <summary>Name of the run in the report and its file names, e.g. "inmem-1silo".</summary>
    public string Label { get; set; } = "run";

    /// <summary>Seed of the order generator; the same seed gives the same order sequence per stream.</summary>
    public int Seed { get; set; } = 7;

    /// <summary>Process id of the server, to report its CPU use next to the generator's (Linux /proc).</summary>
    public IReadOnlyList<int> ServerPids { get; set; } = [];

    /// <summary>Start a grid host on free loopback ports: a Grid.Host.dll path or the src/Grid.Host project folder.</summary>
    public string? StartHost { get; set; }

    /// <summary>Extra configuration for a started host, e.g. <c>--Grid:Host:Mode=Redis</c>.</summary>
    public IReadOnlyList<string> HostArguments { get; set; } = [];

    /// <summary>Fail (exit code 1) when a phase had transport failures, unanswered messages or error replies.</summary>
    public bool FailOnErrors { get; set; }

    /// <summary>Print the progress line every second.</summary>
    public bool Progress { get; set; } = true;

    /// <summary>Price batches per second published through MarketData during both phases; null for none (a still market).</summary>
    public double? Prices { get; set; }

    /// <summary>API key of the price feed (marketdata role); the embedded grid's development key by default.</summary>
    public string MarketDataKey { get; set; } = "grid-dev-marketdata";

    /// <summary>The accounts' books: <see cref="AccountProfile.Default"/>, or some market makers with option books.</summary>
    public AccountProfile Profile { get; set; } = AccountProfile.Default;

    /// <summary>Market-maker accounts (<c>prefix</c>mm0..): two per stream by default; market maker k is on stream k mod streams.</summary>
    public int? MarketMakers { get; set; }

    /// <summary>Share of each stream's messages that are its market makers' quotes (when it has one).</summary>
    public double QuoteShare { get; set; } = 0.1;

    /// <summary>The Prometheus endpoint of the server, whose runtime allocation counter gives the server's bytes per message.</summary>
    public Uri? ServerMetrics { get; set; }

    /// <summary>
    /// A chaos run (--chaos KIND@T): start a Redis cluster of <see cref="Silos"/> fast-failover silos, inject the fault T
    /// seconds into the measured phase, and reconcile the acknowledged changes with every account. Null for the normal phases.
    /// </summary>
    public ChaosPlan? Chaos { get; set; }

    /// <summary>Silos of the chaos run's cluster.</summary>
    public int Silos { get; set; } = 3;

    /// <summary>The redis-server binary the chaos run starts (and restarts).</summary>
    public string RedisServer { get; set; } = "redis-server";

    /// <summary>
    /// Chaos run: a stream with messages outstanding and no reply for this long, not even to the heartbeat the engine
    /// sends after half of it, is taken as dead (a hung silo keeps its connections open) and the engine reconnects to
    /// another silo and resends.
    /// </summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>True when the run moves prices or lists options: the generator then owns the traded underlyings' market.</summary>
    public bool LiveMarket => Prices is not null || Profile == AccountProfile.MarketMaker;

    /// <summary>Market makers in the run (0 without the market-maker profile).</summary>
    public int MarketMakerCount => Profile == AccountProfile.MarketMaker ? MarketMakers ?? 2 * Streams : 0;
}

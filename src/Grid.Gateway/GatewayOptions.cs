namespace Grid.Gateway;

/// <summary>Limits and switches of the gRPC gateway, bound from the "Grid:Gateway" configuration section.</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Grid:Gateway";

    /// <summary>
    /// Messages of one PreTrade stream accepted but not yet answered. A message that arrives while
    /// the window is full is answered ERROR_CODE_OVERLOADED at once and not applied; the gateway
    /// keeps reading (pretrade.proto). Heartbeats do not count. Sent to the engine in the
    /// <c>grid-max-in-flight</c> response header.
    /// </summary>
    public int MaxInFlightPerStream { get; set; } = 4096;

    /// <summary>Most commands one account grain call carries; queued commands of an account are batched up to this.</summary>
    public int MaxBatchPerAccount { get; set; } = 64;

    /// <summary>
    /// Hands an account's batches straight to its activation when it lives on this silo (a turn on the grain's
    /// own scheduler instead of a grain call; docs/performance.md, "Silo-local turns"). Off: every batch is a
    /// grain call. The decisions are the same either way.
    /// </summary>
    public bool LocalTurns { get; set; } = true;

    /// <summary>Largest inbound gRPC message in bytes (also gRPC's MaxReceiveMessageSize).</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Maps the Echo service, the transport-only twin of PreTrade.Stream. Benchmark mode only, never in production.</summary>
    public bool EnableEcho { get; set; }

    /// <summary>Most orders one WhatIf call may evaluate (the contract allows at most 100).</summary>
    public int MaxWhatIfOrders { get; set; } = 100;

    /// <summary>
    /// How far in the future a price's observed_at may be (feeder clocks run ahead a little); beyond it
    /// the update is refused, since a future-dated price would make every later real one look stale.
    /// </summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Price batches this gateway applies at once, over every Publish stream and PublishOnce call; a batch
    /// beyond it is refused with OVERLOADED and a retry_after (market_data.proto).
    /// </summary>
    public int MaxPriceBatchesInFlight { get; set; } = 64;

    /// <summary>
    /// Accounts with a waiting event one RiskEvents.Subscribe stream holds for its reader: an account's
    /// events coalesce into its latest, so the backlog is bounded by accounts, not events; beyond it the
    /// account waiting longest loses its event (its next one restates it). A price move that changes N
    /// accounts at once needs N: set it above the largest burst a subscriber must see whole (issue 16's
    /// −10 % move over 100,000 accounts needs 100,000). House events wait apart and are not counted.
    /// </summary>
    public int RiskEventBacklog { get; set; } = 10_000;

    /// <summary>Page size used when a list request leaves page_size at zero.</summary>
    public int DefaultPageSize { get; set; } = 100;
}

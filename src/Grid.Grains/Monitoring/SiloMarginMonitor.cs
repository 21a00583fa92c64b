using Grid.Abstractions;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Risk;
using Grid.Grains.Market;
using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Monitoring;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Monitoring;

/// <summary>
/// The silo's margin monitor: holds a compact replica of every account holding anything that lives (or
/// last lived) on this silo, and on each price move re-margins exactly those exposed to the moved groups,
/// away from the grains. State changes become risk events; an account entering liquidation is asked
/// to reassess itself (its grain cancels its resting orders). Idle accounts keep their replica, so
/// Orleans deactivating an idle grain never stops its monitoring.
/// </summary>
public sealed class SiloMarginMonitor : IDisposable
{
    private const int EventBatch = 1_000;
    private readonly MarginMonitor _monitor = new();
    private readonly MarketView _market;
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _clock;
    private readonly ILogger<SiloMarginMonitor> _logger;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private MarketFrame? _seen;
    private ulong _pending;

    public SiloMarginMonitor(MarketView market, IGrainFactory grains, RiskEventFeed feed, ILocalSiloDetails silo, TimeProvider clock, ILogger<SiloMarginMonitor> logger)
    {
        Feed = feed;
        feed.OnClaimed(ClaimedElsewhere);
        SiloName = silo.SiloAddress.ToParsableString();
        _market = market;
        _grains = grains;
        _clock = clock;
        _logger = logger;
        market.FrameChanged += OnFrame;
        GridMetrics.ObserveAccounts(ObserveStates);
        _ = Task.Run(SweepLoop);
    }

    /// <summary>This silo's risk-event feed, which delivers the events announced here to every silo's subscribers.</summary>
    public RiskEventFeed Feed { get; }

    /// <summary>Accounts monitored on this silo.</summary>
    public int Count => _monitor.Count;

    /// <summary>The monitor itself, for the house runs (stress, dependency, impact, report) over its replicas.</summary>
    internal MarginMonitor Monitor => _monitor;

    /// <summary>The last sweep (for metrics and tests).</summary>
    public SweepResult? LastSweep { get; private set; }

    /// <summary>
    /// Stores an account's replica after a durable change. Every account that holds anything is kept, collateral
    /// alone included: house stress is over every account of the venue (Rulebook §5.3), and a holder of coins
    /// loses in a crash too. Such a replica is never re-margined (its state cannot change); an account that
    /// holds nothing at all adds nothing to any figure and is dropped.
    /// </summary>
    public void Track(MonitoredAccount replica)
    {
        if (!replica.IsEmpty)
        {
            _monitor.Upsert(replica);
        }
        else
        {
            _monitor.Remove(replica.Id);
        }
    }

    /// <summary>The replica held for an account, if any (its state is the last one announced).</summary>
    public MonitoredAccount? Replica(string accountId) => _monitor.Find(accountId);

    /// <summary>Another silo now monitors the account (its grain activated there).</summary>
    public void ClaimedElsewhere(string accountId, string silo)
    {
        if (silo != SiloName)
        {
            _monitor.Remove(accountId);
        }
    }

    /// <summary>Address this silo claims accounts with.</summary>
    public string SiloName { get; }

    /// <summary>Re-margins every replica now (tests and recovery).</summary>
    public SweepResult SweepNow() => Sweep(ulong.MaxValue);

    public void Dispose()
    {
        _market.FrameChanged -= OnFrame;
        _stop.Cancel();
        _stop.Dispose();
        _signal.Dispose();
    }

    private void OnFrame(MarketFrame frame)
    {
        lock (_gate)
        {
            _pending |= Moved(_seen, frame);
            _seen = frame;
        }

        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: the pending sweep picks this frame up.
            }
        }
    }

    private async Task SweepLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(_stop.Token);
                ulong mask;
                lock (_gate)
                {
                    (mask, _pending) = (_pending, 0);
                }

                if (mask != 0)
                {
                    var result = Sweep(mask);
                    await Announce(result);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                GrainsLog.RiskSweepFailed(_logger, e);
            }
        }
    }

    private SweepResult Sweep(ulong mask)
    {
        RiskEventTrace.Mark(RiskEventTrace.Stage.Sweep, 0);
        var result = _monitor.Sweep(_market.Frame.Model, mask);
        RiskEventTrace.Mark(RiskEventTrace.Stage.Sweep, result.Transitions.Count);
        LastSweep = result;
        GridMetrics.Remargined.Add(result.Evaluated);
        GrainsLog.RiskSweep(_logger, result.Evaluated, result.Elapsed.TotalMilliseconds, result.Transitions.Count);
        return result;
    }

    private async Task Announce(SweepResult result)
    {
        var now = _clock.GetUtcNow();
        var batch = new List<RiskEventData>(Math.Min(EventBatch, result.Transitions.Count));
        foreach (var t in result.Transitions)
        {
            var liquidating = t.To is AccountState.Liquidate or AccountState.Bankrupt;
            batch.Add(Event(t.AccountId, t.From, t.To, t.Figures, _monitor.Find(t.AccountId), "price move", now));
            if (liquidating && t.From is not (AccountState.Liquidate or AccountState.Bankrupt))
            {
                await _grains.GetGrain<IAccountGrain>(t.AccountId).Reassess("price move");
            }

            if (batch.Count == EventBatch)
            {
                Feed.Announce([.. batch]);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            Feed.Announce([.. batch]);
        }
    }

    private IEnumerable<System.Diagnostics.Metrics.Measurement<long>> ObserveStates()
    {
        Span<int> counts = stackalloc int[5];
        _monitor.CountByState(counts);
        var result = new System.Diagnostics.Metrics.Measurement<long>[4];
        for (var s = 1; s <= 4; s++)
        {
            result[s - 1] = new(counts[s], new KeyValuePair<string, object?>("state", ((AccountState)s).ToString()));
        }

        return result;
    }

    /// <summary>Builds the event announced for a state change.</summary>
    internal static RiskEventData Event(
        string accountId, AccountState from, AccountState to, MarginFigures f, MonitoredAccount? replica, string cause, DateTimeOffset at,
        IReadOnlyList<string>? canceled = null, IReadOnlyList<string>? venues = null) => new()
    {
        At = at,
        AccountId = accountId,
        PreviousState = from,
        State = to,
        Equity = Money.Equity(f.Ae),
        InitialMargin = Money.Requirement(f.Im),
        MaintenanceMargin = Money.Requirement(f.Mm),
        Shortfall = Money.Requirement(f.Shortfall),
        Positions = replica is null ? [] : [.. replica.Holdings().Select(h => new PositionLine(h.Instrument, (decimal)h.Qty, (decimal)h.Entry, (decimal)h.Funding, 0))],
        LiquidationCandidate = to is AccountState.Liquidate or AccountState.Bankrupt,
        Cause = cause,
        CanceledOrderIds = canceled ?? [],
        CanceledOrderVenues = venues ?? [],
    };

    // Groups whose newest input moved between two frames: a price, a forward, a dividend yield, a risk array, a span
    // delta, open interest (all of them when the rulebook, the rate or the catalog changed).
    private static ulong Moved(MarketFrame? before, MarketFrame after)
    {
        if (before is null || before.Rulebook.Revision != after.Rulebook.Revision || before.Catalog != after.Catalog
            || !ReferenceEquals(before.Model.Layout, after.Model.Layout))
        {
            return ulong.MaxValue;
        }

        ulong mask = 0;
        for (var g = 0; g < after.GroupInputTimes.Length; g++)
        {
            if (before.GroupInputTimes[g] != after.GroupInputTimes[g])
            {
                mask |= 1UL << Math.Min(g, 63);
            }
        }

        return mask;
    }
}

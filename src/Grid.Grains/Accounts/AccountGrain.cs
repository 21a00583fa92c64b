using System.Diagnostics;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Risk;
using Grid.Grains.Market;
using Grid.Grains.Monitoring;
using Grid.Grains.Storage;
using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Monitoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Utilities;

namespace Grid.Grains.Accounts;

/// <summary>
/// The single writer of one account. Reentrant only so that group commit can batch: every change is
/// applied synchronously within one turn (so changes never interleave), then the caller waits until
/// a write that includes it is durable. Reads the silo-local market; calls no grain on the check path.
/// </summary>
[Reentrant]
[PreferLocalPlacement]
[GrainType("account")]
public sealed partial class AccountGrain : Grain, IAccountGrain
{
    private readonly IAccountStore _state;
    private readonly MarketView _market;
    private readonly SiloMarginMonitor _watch;
    private readonly AccountOptions _options;
    private readonly int _registryBuckets;
    private readonly TimeProvider _clock;
    private readonly ILogger<AccountGrain> _logger;
    private ObserverManager<IAccountObserver>? _watchers;
    private string? _accountId;
    private readonly GroupCommit _commit;
    private AccountProcessor _processor = null!;
    private AccountState? _reportedState;
    private DateTimeOffset _reportedAt;
    private AccountState _announced;
    private MonitoredAccount? _tracked;
    private bool _reportedAtRisk;
    private bool _claimed;
    private IGrainTimer? _trailingReport;
    private bool _followingMarket;
    private int _refreshQueued;
    private IAccountGrain? _self;

    // Resolved once per activation: GetGrain finds the interface's grain type by reflection on every call
    // (≈ 1 KB and µs each, docs/performance.md), and an account reports to its registry bucket often.
    private IAccountRegistryBucketGrain? _registry;
    private IRiskEventHub? _hub;

    public AccountGrain(
        IGrainContext context,
        IAccountStoreSource stores,
        MarketView market,
        SiloMarginMonitor watch,
        IOptions<AccountOptions> options,
        IOptions<AccountRegistryOptions> registry,
        TimeProvider clock,
        LocalAccounts localAccounts,
        IOptions<Orleans.Configuration.GrainCollectionOptions> collection,
        ILogger<AccountGrain> logger)
    {
        // Not [PersistentState]: its bridge makes every write an asynchronous turn (StoredRecord says why).
        // The host chooses the store: whole records in silo memory, or the Redis journal (IAccountStore).
        _state = stores.Open(context.GrainId);
        _market = market;
        _watch = watch;
        _options = options.Value;
        _registryBuckets = registry.Value.Buckets;
        _clock = clock;
        _logger = logger;
        _commit = new GroupCommit(WriteRecord);
        _localAccounts = localAccounts;
        _keepAlive = collection.Value.ClassSpecificCollectionAge.TryGetValue(typeof(AccountGrain).FullName!, out var age) ? age : collection.Value.CollectionAge;
    }

    // Read once: the key is decoded into a new string on every call, and the replica and the registry keep it.
    private string AccountId => _accountId ??= this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Stage times of an activation (docs/reliability.md: what an account does before its first accept after a failover).
        var started = Stopwatch.GetTimestamp();
        await _state.ReadStateAsync();
        var read = Stopwatch.GetTimestamp();
        var claimed = read;
        _state.State.ShareIds();
        _processor = new AccountProcessor(AccountId, _state.State, _market.Frames, _options, _clock);
        _reportedState = _state.State.LastState;
        _announced = _watch.Replica(AccountId)?.State ?? _state.State.LastState ?? AccountState.Ok;
        _tracked = null;
        if (_state.RecordExists)
        {
            // This silo monitors the account from now on; others drop their replica, and the registry
            // learns where to wake it from if this silo fails. A state reached while nobody watched
            // (its silo died before the market moved) is announced now.
            await AnnounceIfChanged("activation");
            if (_processor.Venues.Pending)
            {
                await RejoinVenues();
            }

            // The hub passes the claim on to the other silos' feeds one-way, so awaiting it proves little; and
            // after a failover every woken account claims at the single hub at once, which held the first
            // check of each 0.2-0.7 s on a loaded machine (docs/reliability.md). Sent, not awaited.
            ClaimAtHub();
            claimed = Stopwatch.GetTimestamp();
            await Report();
        }

        GrainsLog.AccountActivated(
            _logger, AccountId, Stopwatch.GetElapsedTime(started).TotalMilliseconds, Stopwatch.GetElapsedTime(started, read).TotalMilliseconds,
            Stopwatch.GetElapsedTime(read, claimed).TotalMilliseconds, Stopwatch.GetElapsedTime(claimed).TotalMilliseconds);
    }

    public ValueTask Watch(IAccountObserver observer)
    {
        // Made on the first watch: most accounts are never watched, and it costs ≈ 150 B each (issue 16).
        _watchers ??= new ObserverManager<IAccountObserver>(TimeSpan.FromMinutes(1), _logger);
        _watchers.Subscribe(observer, observer);
        if (!_followingMarket)
        {
            // Watched accounts hear of price moves too: the silo's market raises the event, the grain
            // re-evaluates in its own turn (one queued refresh at most).
            _followingMarket = true;
            _self = this.AsReference<IAccountGrain>();
            _market.FrameChanged += OnMarketMoved;
        }

        return ValueTask.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_followingMarket)
        {
            _market.FrameChanged -= OnMarketMoved;
            _followingMarket = false;
        }

        // The gateway's batches stop here; those already running finish before the activation unregisters.
        return _local?.Close() ?? Task.CompletedTask;
    }

    public ValueTask Unwatch(IAccountObserver observer)
    {
        _watchers?.Unsubscribe(observer);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Starts making the processor's changes durable: the task to await (the group commit's write, or the
    /// writes already requested when nothing changed). Not itself async: a write in Redis mode completes
    /// later, and every async layer between the grain and the store costs a state machine, a continuation
    /// and a task per write (docs/performance.md, issue 15).
    /// </summary>
    private Task BeginPersist(out bool changed)
    {
        RecordState();
        changed = _processor.TakeChanges();
        return changed ? _commit.Durable() : _commit.Settled();
    }

    /// <summary>A write begun by <see cref="BeginPersist"/> failed: with changes the grain reloads.</summary>
    private void PersistFailed(bool changed, Exception e)
    {
        if (changed)
        {
            GrainsLog.AccountWriteFailed(_logger, AccountId, 1, e);
            _processor.Invalidate();
            DeactivateOnIdle();
        }
    }

    /// <summary>Once durable: the announcements of the change, then the engines told of orders pulled.</summary>
    private async Task AfterPersist(bool changed, PulledOrders pulled, string cause)
    {
        if (changed)
        {
            await AfterChange(cause);
        }

        if (pulled.Count > 0)
        {
            await AnnouncePulled(pulled, "liquidation");
        }
    }

    // Tracks the state for the liquidation hysteresis and the registry; stored with the change it follows.
    private void RecordState()
    {
        if (_processor.Figures() is { } f && f.State != _state.State.LastState)
        {
            GrainsLog.AccountStateChanged(_logger, AccountId, (_state.State.LastState ?? AccountState.Ok).ToString(), f.State.ToString(),
                Money.Equity(f.Ae), Money.Requirement(f.Im), Money.Requirement(f.Mm));
            _processor.SetLastState(f.State);
        }
    }

    private async Task AfterChange(string cause)
    {
        var now = _clock.GetUtcNow();
        var figures = _processor.Figures();
        await AnnounceIfChanged(cause);

        if (figures?.State != _reportedState || AtRisk != _reportedAtRisk || now - _reportedAt >= _options.SummaryInterval)
        {
            await Report();
        }
        else
        {
            // Throttled: the latest figures still reach the registry once the interval has passed.
            _trailingReport ??= this.RegisterGrainTimer(
                async _ =>
                {
                    _trailingReport?.Dispose();
                    _trailingReport = null;
                    await Report();
                },
                new GrainTimerCreationOptions(_options.SummaryInterval, Timeout.InfiniteTimeSpan) { KeepAlive = false });
        }

        await PushToWatchers();
    }

    private void OnMarketMoved(MarketFrame frame)
    {
        if (_watchers is { Count: > 0 } && Interlocked.Exchange(ref _refreshQueued, 1) == 0)
        {
            // Raised on whatever thread applied the market step (a gateway's, outside any grain): only the
            // reference taken in the grain's own turn may be used here, not the activation's services.
            _ = _self!.Reassess("price move");
        }
    }

    private async Task PushToWatchers()
    {
        if (_watchers is { Count: > 0 } && _processor.Book() is { } book)
        {
            var update = AccountProjection.BuyingPower(AccountId, _state.State, book, _clock.GetUtcNow());
            await _watchers.Notify(o => o.Updated(update));
        }
    }

    // Positions, resting orders or borrows: the registry must know, to wake the account if its silo dies.
    private bool AtRisk => _state.State.Positions.Count > 0 || _state.State.Orders.Count > 0 || _state.State.Balances.Values.Any(b => b < 0);

    private async Task Report()
    {
        var now = _clock.GetUtcNow();
        var figures = _processor.Figures();
        var atRisk = AtRisk;
        var summary = AccountProjection.Summary(AccountId, _state.State, figures, now, _watch.SiloName, atRisk);
        var registry = _registry ??= RegistryBuckets.Grain(GrainFactory, AccountId, _registryBuckets);
        _reportedState = figures?.State;
        _reportedAtRisk = atRisk;
        _reportedAt = now;
        if (!atRisk || _claimed)
        {
            _claimed &= atRisk;
            SendReport(registry, summary);
            return;
        }

        // The first report at risk from this activation waits until the registry has stored the claim:
        // should this silo die right after the reply, the survivors know to wake the account.
        try
        {
            await registry.Claim(summary);
            _claimed = true;
        }
        catch (Exception e)
        {
            _reportedAtRisk = false;
            GrainsLog.ClaimFailed(_logger, AccountId, e);
        }
    }

    /// <summary>
    /// Hands the silo monitor a fresh replica and announces a state change the monitor has not already
    /// announced (the monitor marks the replica it re-margins, so the grain sees what it told).
    /// </summary>
    private async Task AnnounceIfChanged(string cause)
    {
        if (_processor.Book() is not { } book)
        {
            return;
        }

        var previous = _tracked?.State ?? _announced;
        var replica = MonitoredAccount.From(AccountId, _state.State.Version, book, _tracked);
        _watch.Track(replica);
        _tracked = replica;
        if (replica.State != previous)
        {
            _announced = replica.State;
            _watch.Feed.Announce(
                [SiloMarginMonitor.Event(AccountId, previous, replica.State, replica.Figures, replica, cause, _clock.GetUtcNow())]);
        }
    }

    private IRiskEventHub Hub => _hub ??= GrainFactory.GetGrain<IRiskEventHub>(RiskEventHubGrain.Key);

    // A report is kept in the bucket's memory and saved within seconds (RegistryBucketStore): no reply depends on
    // it. Sent, not awaited: a bucket whose silo just died would hold the reply of every account reporting to it
    // until the bucket is active elsewhere (1-2 s after a kill -9, docs/reliability.md). A newer report overtakes an
    // older one by its time, whatever order they arrive in.
    private void SendReport(IAccountRegistryBucketGrain registry, AccountSummary summary)
        => Unawaited.Observe(registry.Report(summary), _logger, AccountId, GrainsLog.ReportFailed);

    private void ClaimAtHub() => Unawaited.Observe(Hub.Claim(AccountId, _watch.SiloName), _logger, AccountId, GrainsLog.HubClaimFailed);

    private BuyingPower BuyingPowerNow() => AccountProjection.BuyingPower(AccountId, _state.State, RequireBook(), _clock.GetUtcNow());

    private AccountSummary Summary() => AccountProjection.Summary(AccountId, _state.State, _processor.Figures(), _clock.GetUtcNow());

    private AccountBook RequireBook()
        => _processor.Book() ?? throw new InvalidOperationException($"account {AccountId} cannot be margined: {_processor.Unpriced}");
}

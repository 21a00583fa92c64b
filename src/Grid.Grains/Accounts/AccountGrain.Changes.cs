using System.Runtime.CompilerServices;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Abstractions.Risk;
using Grid.Grains.Monitoring;
using Grid.Risk.Accounts;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;

namespace Grid.Grains.Accounts;

/// <summary>
/// The account's changes: engine commands, treasury and funding (operator controls: AccountGrain.Controls). Each is applied by the
/// processor in one turn, made durable, and then announced; an account left in LIQUIDATE or BANKRUPT by any
/// of them has its resting orders pulled in the same write and the engines told.
/// </summary>
public sealed partial class AccountGrain
{
    public ValueTask<EngineReply[]> Execute(EngineCommand[] commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var replies = new EngineReply[commands.Length];
        var applied = Apply(commands, replies);
        return applied.IsCompletedSuccessfully ? new(replies) : Answer(applied, replies);

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        static async ValueTask<EngineReply[]> Answer(ValueTask applied, EngineReply[] replies)
        {
            await applied;
            return replies;
        }
    }

    /// <summary>
    /// Applies <paramref name="commands"/> in order and writes each one's reply into <paramref name="replies"/>
    /// (as long as the batch): the grain call's path and the silo-local one. Neither buffer is kept once it
    /// completes: the gateway's lane reuses them for its next batch. Pooled: its one caller awaits it once (the
    /// local turn, or <see cref="Execute"/>), so a batch that waits for storage costs no state machine of its own.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask Apply(ReadOnlyMemory<EngineCommand> commands, Memory<EngineReply> replies)
    {
        if (!BeginApply(commands.Span, replies.Span, out var batch))
        {
            return;
        }

        try
        {
            await batch.Durable;
        }
        catch (Exception e)
        {
            WriteFailed(batch, commands.Span, replies.Span, e);
            return;
        }

        await EndApply(batch, replies);
    }

    /// <summary>
    /// The apply's first half, in the grain's turn: applies the batch and begins its write (PersistAndPull, inlined:
    /// one async layer fewer on the path of every engine command). False when the batch was answered at once and
    /// nothing was applied (the account failed its write before, or is unknown).
    /// </summary>
    private bool BeginApply(ReadOnlySpan<EngineCommand> commands, Span<EngineReply> replies, out AppliedBatch batch)
    {
        batch = default;
        if (_commit.Failed)
        {
            Fail(commands, replies, ErrorCode.Unavailable, "storage write failed; the account is reloading, retry");
            return false;
        }

        if (!Exists)
        {
            Fail(commands, replies, ErrorCode.UnknownAccount, $"account_id: {AccountId} is not known to the grid (a deposit creates it)");
            return false;
        }

        OpenLocalTurns();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        ApplyEach(commands, replies);
        var pulled = _processor.PullIfLiquidating();
        var durable = BeginPersist(out var changed);
        batch = new AppliedBatch(durable, changed, pulled, started);
        return true;
    }

    /// <summary>The batch's write failed: nothing of it is answered as applied, and the account reloads.</summary>
    private void WriteFailed(in AppliedBatch batch, ReadOnlySpan<EngineCommand> commands, Span<EngineReply> replies, Exception e)
    {
        PersistFailed(batch.Changed, e);
        Fail(commands, replies, ErrorCode.Unavailable, "storage write failed; nothing was applied, retry");
    }

    /// <summary>The apply's second half, once the batch is durable: what follows a change, then the latency metric.</summary>
    private ValueTask EndApply(AppliedBatch batch, ReadOnlyMemory<EngineReply> replies)
    {
        var after = AfterPersist(batch.Changed, batch.Pulled, "trading");
        if (!after.IsCompletedSuccessfully)
        {
            return Recorded(after, batch.Started, replies);
        }

        AccountMetrics.Record(replies.Span, System.Diagnostics.Stopwatch.GetElapsedTime(batch.Started));
        return default;

        static async ValueTask Recorded(Task after, long started, ReadOnlyMemory<EngineReply> replies)
        {
            await after;
            AccountMetrics.Record(replies.Span, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    private void ApplyEach(ReadOnlySpan<EngineCommand> commands, Span<EngineReply> replies)
    {
        for (var i = 0; i < commands.Length; i++)
        {
            replies[i] = _processor.Execute(commands[i]);
        }
    }

    private static void Fail(ReadOnlySpan<EngineCommand> commands, Span<EngineReply> replies, ErrorCode code, string message)
    {
        for (var i = 0; i < commands.Length; i++)
        {
            replies[i] = EngineReply.Fail(commands[i], code, message);
        }
    }

    public async Task Reassess(string cause)
    {
        _refreshQueued = 0;
        if (_commit.Failed || _processor.Figures() is not { } f)
        {
            return;
        }

        if (f.State is not (AccountState.Liquidate or AccountState.Bankrupt))
        {
            await AnnounceIfChanged(cause);
            await PushToWatchers();
            return;
        }

        await PersistAndPull(cause);
        await PushToWatchers();
    }

    public async ValueTask<BalanceChange> Deposit(string requestId, string asset, decimal amount)
    {
        RequireWritable();
        var outcome = _processor.Deposit(requestId, asset, amount, out var replayed, out var conflict);
        return await BalanceRequest(outcome, replayed, conflict, "deposit");
    }

    public async ValueTask<BalanceChange> Withdraw(string requestId, string asset, decimal amount)
    {
        RequireWritable();
        RequireAccount();
        var outcome = _processor.Withdraw(requestId, asset, amount, out var replayed, out var conflict);
        return await BalanceRequest(outcome, replayed, conflict, "withdrawal");
    }

    public async ValueTask<FundingResult> ApplyFunding(string fundingId, string instrumentId, decimal accrue, bool settle)
    {
        RequireWritable();
        RequireAccount();
        var command = new EngineCommand { CorrelationId = 1, Kind = CommandKind.Funding, FundingId = fundingId, InstrumentId = instrumentId, Accrue = accrue, Settle = settle };
        var reply = _processor.Execute(command);
        await PersistAndPullOrThrow("funding");
        var position = _state.State.Positions.TryGetValue(instrumentId, out var p) ? AccountProjection.Position(instrumentId, p, _processor.Book()) : null;
        return new FundingResult { Reply = reply, Position = position, After = BuyingPowerNow() };
    }

    private async Task<BalanceChange> BalanceRequest(RequestOutcome outcome, bool replayed, bool conflict, string cause)
    {
        await PersistAndPullOrThrow(cause);
        return new BalanceChange
        {
            Accepted = outcome.Accepted, Reason = outcome.Reason, Shortfall = outcome.Shortfall, After = BuyingPowerNow(), Replayed = replayed, Conflict = conflict,
        };
    }

    /// <summary>
    /// Pulls the resting orders of an account standing in LIQUIDATE or BANKRUPT, makes every change durable
    /// in one write, then tells the engines; false when the write failed (the grain then reloads).
    /// </summary>
    private async Task<bool> PersistAndPull(string cause)
    {
        var pulled = _processor.PullIfLiquidating();
        var durable = BeginPersist(out var changed);
        try
        {
            await durable;
        }
        catch (Exception e)
        {
            PersistFailed(changed, e);
            return false;
        }

        await AfterPersist(changed, pulled, cause);
        return true;
    }

    private async Task PersistAndPullOrThrow(string cause)
    {
        if (!await PersistAndPull(cause))
        {
            throw new StorageUnavailableException("storage write failed; nothing was applied, retry");
        }
    }

    /// <summary>Tells the engines (through the risk-event fan-out) which orders the grid pulled and why.</summary>
    private Task AnnouncePulled(PulledOrders pulled, string cause)
    {
        if (_processor.Figures() is not { } f)
        {
            return Task.CompletedTask;
        }

        GrainsLog.AccountOrdersCancelled(_logger, AccountId, cause == RiskEventData.FrozenCause ? cause : f.State.ToString(), pulled.Count);
        var notice = SiloMarginMonitor.Event(AccountId, f.State, f.State, f, _watch.Replica(AccountId), cause, _clock.GetUtcNow(), pulled.OrderIds, pulled.Venues);
        _watch.Feed.Announce([notice]);
        return Task.CompletedTask;
    }

    private void RequireWritable()
    {
        if (_commit.Failed)
        {
            throw new StorageUnavailableException("storage write failed; the account is reloading, retry");
        }
    }
}

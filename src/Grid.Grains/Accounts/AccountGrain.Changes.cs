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
    public async ValueTask<EngineReply[]> Execute(EngineCommand[] commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (_commit.Failed)
        {
            return [.. commands.Select(c => EngineReply.Fail(c, ErrorCode.Unavailable, "storage write failed; the account is reloading, retry"))];
        }

        if (!Exists)
        {
            return [.. commands.Select(c => EngineReply.Fail(c, ErrorCode.UnknownAccount, $"account_id: {AccountId} is not known to the grid (a deposit creates it)"))];
        }

        OpenLocalTurns();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var replies = new EngineReply[commands.Length];
        for (var i = 0; i < commands.Length; i++)
        {
            replies[i] = _processor.Execute(commands[i]);
        }

        // PersistAndPull, inlined: one async layer fewer on the path of every engine command.
        var pulled = _processor.PullIfLiquidating();
        var durable = BeginPersist(out var changed);
        try
        {
            await durable;
        }
        catch (Exception e)
        {
            PersistFailed(changed, e);
            return [.. commands.Select(c => EngineReply.Fail(c, ErrorCode.Unavailable, "storage write failed; nothing was applied, retry"))];
        }

        await AfterPersist(changed, pulled, "trading");
        AccountMetrics.Record(replies, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return replies;
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

using Grid.Abstractions.Accounts;
using Grid.Abstractions.Risk;
using Grid.Grains.Monitoring;
using Grid.Risk.Accounts;
using Grid.Risk.Rulebooks;

namespace Grid.Grains.Accounts;

/// <summary>The operator's controls of an account: the kill switch and the regime. They act on accounts that exist.</summary>
public sealed partial class AccountGrain
{
    public async ValueTask<AccountSummary> SetFrozen(bool frozen, string reason, bool cancelResting)
    {
        RequireExists();
        _desk.SetFrozen(frozen, reason ?? "");
        var canceled = frozen && cancelResting ? _desk.CancelAll() : [];
        await PersistOrThrow(frozen ? "frozen" : "unfrozen");
        if (canceled.Count > 0 && _desk.Figures() is { } f)
        {
            // Durable first: the engines are told to pull only orders the grid no longer holds.
            GrainsLog.AccountOrdersCancelled(_logger, AccountId, RiskEventData.FrozenCause, canceled.Count);
            var notice = RiskWatch.Event(AccountId, f.State, f.State, f, _watch.Replica(AccountId), RiskEventData.FrozenCause, _clock.GetUtcNow(), canceled);
            await GrainFactory.GetGrain<IRiskEventHub>(RiskEventHubGrain.Key).Publish([notice]);
        }

        return Summary();
    }

    public async ValueTask<AccountSummary> SetRegime(MarginRegime regime, bool force)
    {
        if (!Enum.IsDefined(regime))
        {
            throw new ArgumentException($"regime: {(int)regime} is not PM or STD", nameof(regime));
        }

        RequireExists();
        if (regime == _state.State.Regime)
        {
            return Summary();
        }

        if (!force)
        {
            // Previewed on a copy of the book: the switch is refused before anything changes.
            var preview = _desk.Book()?.Clone();
            preview?.SetRegime(regime);
            if (preview?.Figures().State is not AccountState.Ok)
            {
                var outcome = preview is null ? $"could not be margined ({_desk.Unpriced})" : $"would be {preview.Figures().State}";
                throw new InvalidOperationException($"regime: under {regime} the account {outcome}; set force to switch anyway");
            }
        }

        _desk.SetRegime(regime);
        await PersistOrThrow("regime change");
        return Summary();
    }

    // Operator controls act on accounts that exist (admin.proto: NOT_FOUND); they never create one.
    private void RequireExists()
    {
        if (!_state.RecordExists)
        {
            throw new KeyNotFoundException($"account_id: account {AccountId} does not exist");
        }
    }
}

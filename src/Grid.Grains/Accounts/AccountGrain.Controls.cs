using Grid.Abstractions.Accounts;
using Grid.Abstractions.Risk;
using Grid.Risk.Accounts;
using Grid.Risk.Rulebooks;

namespace Grid.Grains.Accounts;

/// <summary>The operator's controls of an account: the kill switch and the regime. They act on accounts that exist.</summary>
public sealed partial class AccountGrain
{
    public async ValueTask<AccountSummary> SetFrozen(bool frozen, string reason, bool cancelResting)
    {
        // Operator controls act on accounts that exist (admin.proto: NOT_FOUND); they never create one.
        RequireAccount();
        _processor.SetFrozen(frozen, reason ?? "");
        var pulled = frozen && cancelResting ? _processor.CancelAll() : PulledOrders.None;
        await PersistAndPullOrThrow(frozen ? "frozen" : "unfrozen");
        if (pulled.Count > 0)
        {
            // Durable first: the engines are told to pull only orders the grid no longer holds.
            await AnnouncePulled(pulled, RiskEventData.FrozenCause);
        }

        return Summary();
    }

    public async ValueTask<AccountSummary> SetRegime(MarginRegime regime, bool force)
    {
        if (!Enum.IsDefined(regime))
        {
            throw new ArgumentException($"regime: {(int)regime} is not PM or STD", nameof(regime));
        }

        RequireAccount();
        if (regime == _state.State.Regime)
        {
            return Summary();
        }

        if (!force)
        {
            // Previewed on a copy of the book: the switch is refused before anything changes.
            var preview = _processor.Book()?.Clone();
            preview?.SetRegime(regime);
            if (preview?.Figures().State is not AccountState.Ok)
            {
                var outcome = preview is null ? $"could not be margined ({_processor.Unpriced})" : $"would be {preview.Figures().State}";
                throw new InvalidOperationException($"regime: under {regime} the account {outcome}; set force to switch anyway");
            }
        }

        _processor.SetRegime(regime);
        await PersistAndPullOrThrow("regime change");
        return Summary();
    }
}

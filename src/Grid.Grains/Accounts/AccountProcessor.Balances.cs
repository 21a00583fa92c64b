using Grid.Risk.Decisions;
using Grid.Risk.Ledger;
using Grid.Risk.Margin;
using Grid.Risk.Rulebooks;

namespace Grid.Grains.Accounts;

internal sealed partial class AccountProcessor
{
    /// <summary>
    /// Credits a balance (<see cref="BalanceRules.Deposit"/>). Idempotent on the request id: the same id
    /// with the same terms returns the stored outcome (<paramref name="replayed"/>), with other terms a
    /// conflict (<paramref name="conflict"/>) and nothing is applied.
    /// </summary>
    public RequestOutcome Deposit(string requestId, string asset, decimal amount, out bool replayed, out bool conflict)
    {
        var asked = new RequestOutcome(requestId, false, RejectReason.None, 0) { Kind = RequestKind.Deposit, Subject = asset, Amount = amount };
        if (Remembered(ref _requests, asked, out replayed, out conflict) is { } done)
        {
            return done;
        }

        var reason = BalanceRules.Deposit(Record, Book(), Frame.Model, asset, amount);
        var outcome = asked with { Accepted = reason == RejectReason.None, Reason = reason };
        if (outcome.Accepted)
        {
            MarkChanged();
        }

        _requests.Add(outcome);
        return outcome;
    }

    /// <summary>
    /// Debits a balance if the account may let it go (<see cref="BalanceRules.Withdraw"/>); idempotent like
    /// <see cref="Deposit"/>, refusals included.
    /// </summary>
    public RequestOutcome Withdraw(string requestId, string asset, decimal amount, out bool replayed, out bool conflict)
    {
        var asked = new RequestOutcome(requestId, false, RejectReason.None, 0) { Kind = RequestKind.Withdrawal, Subject = asset, Amount = amount };
        if (Remembered(ref _requests, asked, out replayed, out conflict) is { } done)
        {
            return done;
        }

        var check = BalanceRules.Withdraw(Record, Book(), asset, amount, Record.Frozen);
        var outcome = asked with
        {
            Accepted = check.Accepted,
            Reason = check.Accepted ? RejectReason.None : check.Reason,
            Shortfall = check.Accepted ? 0 : Money.Requirement(check.Shortfall),
        };
        if (outcome.Accepted)
        {
            MarkChanged();
        }

        _requests.Add(outcome);
        return outcome;
    }

    /// <summary>The stored outcome of a request id seen before, or null for a new one.</summary>
    private static RequestOutcome? Remembered(ref RecentWindow<RequestOutcome> window, RequestOutcome asked, out bool replayed, out bool conflict)
    {
        replayed = conflict = false;
        if (!window.TryGet(IdHash.Of(asked.RequestId), out var done))
        {
            return null;
        }

        replayed = done.SameTerms(asked);
        conflict = !replayed;
        return done;
    }

    /// <summary>Freezes or unfreezes the account (kill switch).</summary>
    public void SetFrozen(bool frozen, string reason)
    {
        Record.Frozen = frozen;
        Record.FrozenReason = frozen ? reason : "";
        MarkChanged();
    }

    /// <summary>Switches between PM and STD.</summary>
    public void SetRegime(MarginRegime regime)
    {
        Record.Regime = regime;
        Book()?.SetRegime(regime);
        MarkChanged();
    }

    /// <summary>Records the state reported, for the liquidation hysteresis.</summary>
    public void SetLastState(Risk.Accounts.AccountState state)
    {
        if (Record.LastState != state)
        {
            Record.LastState = state;
            if (Book() is { } book)
            {
                book.PreviousState = state;
            }

            MarkChanged();
        }
    }
}

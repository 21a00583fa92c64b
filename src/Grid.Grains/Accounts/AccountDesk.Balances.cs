using Grid.Risk.Decisions;
using Grid.Risk.Margin;
using Grid.Risk.Rulebooks;

namespace Grid.Grains.Accounts;

internal sealed partial class AccountDesk
{
    /// <summary>Credits a balance (idempotent on the request id).</summary>
    public RequestOutcome Deposit(string requestId, string asset, decimal amount)
    {
        if (_requests.TryGet(IdHash.Of(requestId), out var done))
        {
            return done;
        }

        var outcome = !Frame.Model.Rulebook.Assets.ContainsKey(asset) ? new RequestOutcome(requestId, false, RejectReason.UnknownAsset, 0)
            : amount <= 0 || BalanceTooLarge(asset, amount) ? new RequestOutcome(requestId, false, RejectReason.InvalidOrder, 0)
            : new RequestOutcome(requestId, true, RejectReason.None, 0);
        if (outcome.Accepted)
        {
            MoveBalance(asset, amount, Book());
            MarkChanged();
        }

        _requests.Add(outcome);
        return outcome;
    }

    /// <summary>True when crediting <paramref name="amount"/> would make the balance worth more than <see cref="AccountLimits.MaxValue"/> (at its index price; 1 USD a unit when unpriced).</summary>
    private bool BalanceTooLarge(string asset, decimal amount)
    {
        var held = Record.Balances.TryGetValue(asset, out var b) ? (double)b : 0;
        var price = Frame.Model.TryGetAsset(asset, out var a) && double.IsFinite(Frame.Model.Assets[a].Price) ? Math.Max(1, Frame.Model.Assets[a].Price) : 1;
        return Math.Abs((held + (double)amount) * price) > AccountLimits.MaxValue;
    }

    /// <summary>Debits a balance if the account still covers IM afterwards (idempotent on the request id).</summary>
    public RequestOutcome Withdraw(string requestId, string asset, decimal amount)
    {
        if (_requests.TryGet(IdHash.Of(requestId), out var done))
        {
            return done;
        }

        RequestOutcome outcome;
        if (Book() is not { } book)
        {
            outcome = new RequestOutcome(requestId, false, RejectReason.NoPrice, 0);
        }
        else
        {
            var check = book.CheckWithdrawal(asset, (double)amount);
            var held = Record.Balances.TryGetValue(asset, out var b) ? b : 0;
            outcome = check.Accepted && amount <= held
                ? new RequestOutcome(requestId, true, RejectReason.None, 0)
                : new RequestOutcome(requestId, false, check.Reason == RejectReason.None ? RejectReason.WithdrawalExceedsAvailable : check.Reason, Money.Requirement(check.Shortfall));
        }

        if (outcome.Accepted)
        {
            MoveBalance(asset, -amount, Book());
            MarkChanged();
        }

        _requests.Add(outcome);
        return outcome;
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

using Grid.Risk.Accounts;
using Grid.Risk.Margin;

namespace Grid.Risk.Supervision;

/// <summary>One account under the current and a candidate rulebook (Rulebook §5.5 impact).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="ImBefore">Order-inclusive IM under the current rulebook.</param>
/// <param name="ImAfter">Order-inclusive IM under the candidate.</param>
/// <param name="ImPositionsBefore">Positions-only IM under the current rulebook (what the guard sums).</param>
/// <param name="ImPositionsAfter">Positions-only IM under the candidate.</param>
/// <param name="StateBefore">State under the current rulebook.</param>
/// <param name="StateAfter">State under the candidate.</param>
public readonly record struct AccountImpact(
    string AccountId, double ImBefore, double ImAfter, double ImPositionsBefore, double ImPositionsAfter, AccountState StateBefore, AccountState StateAfter)
{
    /// <summary>IM after − IM before (order-inclusive).</summary>
    public double ImChange => ImAfter - ImBefore;

    /// <summary>The impact from the two evaluations' headline figures.</summary>
    public static AccountImpact Of(string accountId, in MarginFigures before, in MarginFigures after)
        => new(accountId, before.Im, after.Im, before.ImPositions, after.ImPositions, before.State, after.State);

    /// <summary>Largest IM increase first, then account id (ordinal). Negative when <paramref name="a"/> ranks first.</summary>
    public static int Rank(AccountImpact a, AccountImpact b)
    {
        var c = b.ImChange.CompareTo(a.ImChange);
        return c != 0 ? c : string.CompareOrdinal(a.AccountId, b.AccountId);
    }
}

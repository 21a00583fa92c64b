namespace Grid.Risk.Ledger;

/// <summary>
/// The authoritative holdings of one account in exact decimals, as its store keeps them. The rules
/// that change holdings (<see cref="FillSettlement"/>, <see cref="BalanceRules"/>,
/// <see cref="FundingSettlement"/>) write here first and mirror each value into the account's book, so
/// the stored record and the risk core never drift. Implemented by the account grain's record in
/// production and by a plain in-memory ledger in the property tests.
/// </summary>
public interface IAccountLedger
{
    /// <summary>Balance of <paramref name="asset"/> in its own units; 0 when none.</summary>
    decimal Balance(string asset);

    /// <summary>Sets the balance of <paramref name="asset"/>.</summary>
    void SetBalance(string asset, decimal value);

    /// <summary>The net position in <paramref name="instrument"/>; all zero when none.</summary>
    LedgerPosition Position(string instrument);

    /// <summary>Sets the position; one with no contracts and no unsettled funding is removed.</summary>
    void SetPosition(string instrument, LedgerPosition position);
}

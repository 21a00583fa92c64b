using Grid.Risk.Accounts;
using Grid.Risk.Rulebooks;
using Grid.Risk.Stress;

namespace Grid.Risk.Supervision;

/// <summary>
/// One account in the supervisory report (Rulebook §5.6): regime, AE, IM, MM, state, credits by
/// pair, collateral per asset with its haircut and value, siloed and cross totals, the account
/// without credits (§5.4), and each scenario's P&amp;L and deficit (§5.2). Unrounded, so the house
/// figures can be recomputed from the lines exactly.
/// </summary>
public sealed record SupervisoryLine
{
    /// <summary>The account.</summary>
    public required string AccountId { get; init; }

    /// <summary>The §5.4 figures: regime, AE, IM, MM, state, credits, siloed and cross totals, without credits.</summary>
    public required CreditDependency Margin { get; init; }

    /// <summary>Positions-only IM.</summary>
    public required double ImPositions { get; init; }

    /// <summary>Balances with their haircut and value, in asset order.</summary>
    public required IReadOnlyList<CollateralLine> Collateral { get; init; }

    /// <summary>Per scenario, in rulebook order.</summary>
    public required IReadOnlyList<ScenarioLine> Scenarios { get; init; }

    /// <summary>Builds the line of <paramref name="book"/>, valued under <paramref name="stress"/> (same layout).</summary>
    public static SupervisoryLine Of(string accountId, AccountBook book, StressMarket stress) => Of(accountId, book, stress, null);

    /// <summary>As <see cref="Of(string, AccountBook, StressMarket)"/>, margining the silos in <paramref name="scratch"/> (reused across accounts).</summary>
    public static SupervisoryLine Of(string accountId, AccountBook book, StressMarket stress, AccountBook? scratch)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(stress);
        var outcomes = new StressOutcome[stress.Count];
        stress.Evaluate(book, outcomes);
        var scenarios = new ScenarioLine[outcomes.Length];
        for (var s = 0; s < scenarios.Length; s++)
        {
            var o = outcomes[s];
            scenarios[s] = new ScenarioLine(stress.Scenarios[s].Name, o.AeStressed, o.Pnl, o.Deficit);
        }

        var collateral = new List<CollateralLine>();
        for (var a = 0; a < book.Balances.Length; a++)
        {
            var qty = book.Balances[a];
            if (qty == 0)
            {
                continue;
            }

            var asset = book.Model.Assets[a];
            var value = book.CollateralValue(a, qty);
            var raw = qty * asset.Price;
            collateral.Add(new CollateralLine(asset.Rule.Name, qty, asset.Price, raw > 0 ? 1 - value / raw : 0, value));
        }

        return new SupervisoryLine
        {
            AccountId = accountId,
            Margin = scratch is null ? CreditDependency.Of(book) : CreditDependency.Of(book, scratch),
            ImPositions = book.Figures().ImPositions,
            Collateral = collateral,
            Scenarios = scenarios,
        };
    }

    /// <summary>The regime's wire name (PM, STD).</summary>
    internal string RegimeName => Margin.Regime == MarginRegime.Std ? "STD" : "PM";
}

using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Regimes;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Supervision;

/// <summary>
/// What cross-margining saves one account and what it would cost if the correlations behind it
/// failed (Rulebook §5.4): siloed and cross totals, the credits granted by pair, and the account
/// recomputed without credits (PM: IM raised by the credit total, MM by mmFraction × the
/// positions-only credits; STD unchanged).
/// </summary>
public sealed record CreditDependency
{
    /// <summary>PM or STD.</summary>
    public required MarginRegime Regime { get; init; }

    /// <summary>Σ of the silos, positions only (§4 items 5 and 27).</summary>
    public required double SiloedTotal { get; init; }

    /// <summary>The full PM requirement of the positions.</summary>
    public required double CrossTotal { get; init; }

    /// <summary>Siloed − cross.</summary>
    public double Saving => SiloedTotal - CrossTotal;

    /// <summary>Credits of the order-inclusive IM, by pair (what the account's IM benefits from now).</summary>
    public required IReadOnlyList<PairCredit> Credits { get; init; }

    /// <summary>Credits of the positions-only IM, by pair.</summary>
    public required IReadOnlyList<PairCredit> CreditsPositions { get; init; }

    /// <summary>Σ order-inclusive credits.</summary>
    public required double CreditTotal { get; init; }

    /// <summary>Σ positions-only credits.</summary>
    public required double CreditTotalPositions { get; init; }

    /// <summary>AE now.</summary>
    public required double Ae { get; init; }

    /// <summary>AE − resting-order costs (what the order-inclusive IM is compared with).</summary>
    public required double AeAfterOrderCosts { get; init; }

    /// <summary>Order-inclusive IM now.</summary>
    public required double Im { get; init; }

    /// <summary>MM now.</summary>
    public required double Mm { get; init; }

    /// <summary>State now.</summary>
    public required AccountState State { get; init; }

    /// <summary>Order-inclusive IM without credits.</summary>
    public required double ImWithoutCredits { get; init; }

    /// <summary>MM without credits.</summary>
    public required double MmWithoutCredits { get; init; }

    /// <summary>State without credits.</summary>
    public required AccountState StateWithoutCredits { get; init; }

    /// <summary>True when the account is OK now and would not be without credits.</summary>
    public bool LeavesOk => State == AccountState.Ok && StateWithoutCredits != AccountState.Ok;

    /// <summary>The margin that would be called if it leaves OK: IM without credits − (AE − order costs).</summary>
    public double CalledIm => LeavesOk ? Math.Max(0, ImWithoutCredits - AeAfterOrderCosts) : 0;

    /// <summary>Computes the dependency of <paramref name="book"/> (allocates: the report path).</summary>
    public static CreditDependency Of(AccountBook book) => Of(book, AccountBook.Empty(book.Model));

    /// <summary>
    /// As <see cref="Of(AccountBook)"/>, margining the silos in <paramref name="scratch"/>, a book the caller
    /// reuses across accounts (the house's dependency over every account).
    /// </summary>
    public static CreditDependency Of(AccountBook book, AccountBook scratch)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(scratch);
        var report = book.Evaluate();
        var linesPositions = new List<CreditLine>();
        var imPositionsRaw = book.TotalIm(true, -1, default, 0, out _, out var creditPositions, out _, default, linesPositions);
        var (siloed, cross) = SiloedMargin.Totals(book, scratch);
        var buffer = book.ImBuffer;
        var imWithout = report.Im + report.CreditTotal * buffer;
        var mmWithout = report.Mm;
        var state = report.State;
        if (book.Regime == MarginRegime.Pm)
        {
            // Without credits the worse side of every group is the same (it is chosen before credits), so IM is
            // the sum of the group IMs; MM follows the positions-only IM, the liquidation end too.
            mmWithout = report.Mm + book.Model.Rulebook.MmFraction * creditPositions;
            state = book.StateOf(report.Ae, mmWithout, imPositionsRaw + creditPositions, report.AeAfterOrderCosts, imWithout);
        }

        return new CreditDependency
        {
            Regime = book.Regime,
            SiloedTotal = siloed,
            CrossTotal = cross,
            Credits = Pairs(report.Credits),
            CreditsPositions = Pairs(linesPositions),
            CreditTotal = report.CreditTotal,
            CreditTotalPositions = creditPositions,
            Ae = report.Ae,
            AeAfterOrderCosts = report.AeAfterOrderCosts,
            Im = report.Im,
            Mm = report.Mm,
            State = report.State,
            ImWithoutCredits = imWithout,
            MmWithoutCredits = mmWithout,
            StateWithoutCredits = state,
        };
    }

    private static PairCredit[] Pairs(IReadOnlyList<CreditLine> lines)
    {
        var pairs = new PairCredit[lines.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new PairCredit(lines[i].GroupA, lines[i].GroupB, lines[i].Credit);
        }

        return pairs;
    }
}

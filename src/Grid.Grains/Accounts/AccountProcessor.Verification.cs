using Grid.Abstractions.Accounts;
using Grid.Risk.Accounts;
using Grid.Risk.Margin;
using Grid.Risk.Market;

namespace Grid.Grains.Accounts;

internal sealed partial class AccountProcessor
{
    /// <summary>
    /// The record's invariants (resting orders positive and unique, positions well formed) and the live
    /// book against a book rebuilt from the record on the same market frame.
    /// </summary>
    public AccountVerification Verify()
    {
        var problems = new List<string>();
        var orderIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in Record.Orders)
        {
            if (!orderIds.Add(o.ClientOrderId))
            {
                problems.Add($"order {o.ClientOrderId}: rests twice");
            }

            if (o.Qty <= 0 || o.Price <= 0 || o.InstrumentId.Length == 0 || o.Side is not (Side.Buy or Side.Sell))
            {
                problems.Add($"order {o.ClientOrderId}: qty {o.Qty}, price {o.Price}, instrument '{o.InstrumentId}', side {o.Side}");
            }
        }

        foreach (var (id, p) in Record.Positions)
        {
            if (id.Length == 0 || p.Entry < 0 || (p.Qty == 0 && p.Funding == 0))
            {
                problems.Add($"position '{id}': qty {p.Qty}, entry {p.Entry}, funding {p.Funding}");
            }
        }

        var live = Book();
        AccountBook? full = null;
        if (live is not null)
        {
            try
            {
                full = AccountBook.Create(live.Model, Record.ToPortfolio());
                if (BookVerification.Compare(live, full) is { } difference)
                {
                    problems.Add(difference);
                }
            }
            catch (RiskInputException e)
            {
                problems.Add($"the record does not rebuild: {e.Message}");
            }
        }

        var liveFigures = live?.Figures();
        var fullFigures = full?.Figures();
        return new AccountVerification
        {
            AccountId = AccountId,
            Problems = problems,
            StateHash = AccountProjection.StateHash(Record),
            Version = Record.Version,
            Priced = live is not null,
            InitialMargin = liveFigures is { } a ? Money.Requirement(a.Im) : 0,
            InitialMarginRecomputed = fullFigures is { } b ? Money.Requirement(b.Im) : 0,
            Equity = liveFigures is { } c ? Money.Equity(c.Ae) : 0,
            EquityRecomputed = fullFigures is { } d ? Money.Equity(d.Ae) : 0,
        };
    }
}

using Grid.Risk.Accounts;
using Grid.Risk.Ledger;

namespace Grid.Risk.Tests.Properties;

/// <summary>A plain in-memory ledger: what the account grain's stored record is to production, for the property tests.</summary>
internal sealed class MemoryLedger : IAccountLedger
{
    private readonly Dictionary<string, decimal> _balances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LedgerPosition> _positions = new(StringComparer.Ordinal);

    /// <summary>The holdings of <paramref name="portfolio"/> as decimals.</summary>
    public static MemoryLedger From(Portfolio portfolio)
    {
        var ledger = new MemoryLedger();
        foreach (var (asset, qty) in portfolio.Balances)
        {
            ledger._balances[asset] = (decimal)qty;
        }

        foreach (var p in portfolio.Positions)
        {
            ledger._positions[p.Instrument] = new LedgerPosition((decimal)p.Qty, (decimal)p.Entry, (decimal)p.Funding);
        }

        return ledger;
    }

    public decimal Balance(string asset) => _balances.TryGetValue(asset, out var b) ? b : 0;

    public void SetBalance(string asset, decimal value) => _balances[asset] = value;

    public LedgerPosition Position(string instrument) => _positions.TryGetValue(instrument, out var p) ? p : default;

    public void SetPosition(string instrument, LedgerPosition position)
    {
        if (position.IsEmpty)
        {
            _positions.Remove(instrument);
        }
        else
        {
            _positions[instrument] = position;
        }
    }
}

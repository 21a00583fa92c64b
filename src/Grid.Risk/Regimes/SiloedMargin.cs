using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Regimes;

/// <summary>
/// Splits an account into silos that cannot offset each other (Rulebook §4 items 5 and 27), each
/// margined as an account of its own, positions only: every perp or future alone under PM; crypto
/// options one silo per group under PM, no collateral offset; securities (stock and ETF balances with
/// equity and index options) one STD silo; each borrowed coin alone under PM; spot crypto a 0 line.
/// Every silo is margined in one scratch book, re-initialised per silo rather than allocated (the
/// house's dependency runs this over every account of the venue).
/// </summary>
public static class SiloedMargin
{
    /// <summary>Compares the siloed and cross-margined requirements of <paramref name="book"/>, silo by silo.</summary>
    public static RegimeComparison Compare(AccountBook book) => Compare(book, AccountBook.Empty(book.Model), named: true);

    /// <summary>
    /// The siloed and cross totals alone (no silo lines), margined in <paramref name="scratch"/>, a book the
    /// caller reuses across accounts; equal to <see cref="Compare(AccountBook)"/>'s totals.
    /// </summary>
    public static (double SiloedTotal, double CrossTotal) Totals(AccountBook book, AccountBook scratch)
    {
        var c = Compare(book, scratch, named: false);
        return (c.SiloedTotal, c.CrossTotal);
    }

    private static RegimeComparison Compare(AccountBook book, AccountBook scratch, bool named)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(scratch);
        var model = book.Model;
        var held = new List<int>(book.HoldingCount);
        for (var k = 0; k < book.HoldingCount; k++)
        {
            if (book.Holdings[k].Qty != 0 || book.Holdings[k].Funding != 0)
            {
                held.Add(k);
            }
        }

        var silo = new Silo(book, scratch);
        var cross = silo.Requirement(MarginRegime.Pm, held, allBalances: true);
        var silos = new List<SiloLine>();
        var total = 0.0;
        void Add(string name, string regime, double requirement)
        {
            total += requirement;
            if (named)
            {
                silos.Add(new SiloLine(name, regime, requirement));
            }
        }

        var cryptoOptions = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var securities = new List<int>();
        foreach (var k in held)
        {
            var risk = model.Instruments[book.Holdings[k].Instrument];
            if (risk.Kind.IsOption() && risk.CryptoUnderlying)
            {
                var group = model.Groups[risk.Group].Name;
                (cryptoOptions.TryGetValue(group, out var list) ? list : cryptoOptions[group] = []).Add(k);
            }
            else if (risk.Kind.IsOption())
            {
                securities.Add(k);
            }
            else
            {
                Add(named ? $"isolated {risk.Kind.ToWire()} {risk.Spec.Id}" : "", "PM", silo.Requirement(MarginRegime.Pm, [k]));
            }
        }

        foreach (var (group, positions) in cryptoOptions)
        {
            Add(named ? $"crypto options {group}" : "", "PM", silo.Requirement(MarginRegime.Pm, positions));
        }

        var stock = new List<int>();
        var wallet = new SortedSet<string>(StringComparer.Ordinal);
        for (var a = 0; a < book.Balances.Length; a++)
        {
            var qty = book.Balances[a];
            var rule = model.Assets[a].Rule;
            if (qty == 0)
            {
                continue;
            }

            if (rule.Kind is AssetKind.Equity or AssetKind.Etf)
            {
                stock.Add(a);
            }
            else if (qty < 0 && !rule.IsCashLike)
            {
                Add(named ? $"borrowed {rule.Name}" : "", "PM", silo.Requirement(MarginRegime.Pm, [], balances: [a]));
            }
            else if (qty > 0)
            {
                wallet.Add(rule.Name);
            }
        }

        if (stock.Count > 0 || securities.Count > 0)
        {
            Add("securities (Reg T / strategy)", "STD", silo.Requirement(MarginRegime.Std, securities, balances: stock));
        }

        if (wallet.Count > 0 && named)
        {
            silos.Add(new SiloLine($"spot wallet ({string.Join(", ", wallet)})", "none", 0));
        }

        return new RegimeComparison { SiloedTotal = total, CrossTotal = cross, Silos = silos };
    }

    /// <summary>Margins a part of the account's book as an account of its own in the scratch book: positions only, no orders.</summary>
    private readonly struct Silo(AccountBook _book, AccountBook _scratch)
    {
        public double Requirement(MarginRegime regime, List<int> holdings, bool allBalances = false, List<int>? balances = null)
        {
            var model = _book.Model;
            _scratch.Reset(model, regime, null);
            foreach (var k in holdings)
            {
                ref var h = ref _book.Holdings[k];
                _scratch.LoadPosition(h.Instrument, h.Qty, h.Entry, h.Funding);
            }

            if (allBalances)
            {
                for (var a = 0; a < _book.Balances.Length; a++)
                {
                    _scratch.LoadBalance(a, _book.Balances[a]);
                }
            }

            foreach (var a in balances ?? [])
            {
                _scratch.LoadBalance(a, _book.Balances[a]);
            }

            _scratch.Rebuild(model);
            return _scratch.TotalIm(true, out _, out _, out _);
        }
    }
}

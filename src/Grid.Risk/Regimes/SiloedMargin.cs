using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Regimes;

/// <summary>
/// Splits an account into silos that cannot offset each other (Rulebook §4 items 5 and 27), each
/// margined as an account of its own, positions only: every perp or future alone under PM; crypto
/// options one silo per group under PM, no collateral offset; securities (stock and ETF balances with
/// equity and index options) one STD silo; each borrowed coin alone under PM; spot crypto a 0 line.
/// </summary>
public static class SiloedMargin
{
    /// <summary>Compares the siloed and cross-margined requirements of <paramref name="book"/>.</summary>
    public static RegimeComparison Compare(AccountBook book)
    {
        var model = book.Model;
        var all = book.ToPortfolio() with { Orders = [], PreviousState = null };
        var cross = Requirement(book, all with { Regime = MarginRegime.Pm });
        var silos = new List<SiloLine>();
        var cryptoOptions = new SortedDictionary<string, List<Position>>(StringComparer.Ordinal);
        var securities = new List<Position>();
        foreach (var p in all.Positions)
        {
            var risk = model.Instrument(p.Instrument);
            if (risk.Kind.IsOption() && risk.CryptoUnderlying)
            {
                var group = model.Groups[risk.Group].Name;
                if (!cryptoOptions.TryGetValue(group, out var list))
                {
                    cryptoOptions[group] = list = [];
                }

                list.Add(p);
            }
            else if (risk.Kind.IsOption())
            {
                securities.Add(p);
            }
            else
            {
                var alone = new Portfolio { Regime = MarginRegime.Pm, Positions = [p] };
                silos.Add(new SiloLine($"isolated {risk.Kind.ToWire()} {p.Instrument}", "PM", Requirement(book, alone)));
            }
        }

        foreach (var (group, positions) in cryptoOptions)
        {
            silos.Add(new SiloLine($"crypto options {group}", "PM", Requirement(book, new Portfolio { Regime = MarginRegime.Pm, Positions = positions })));
        }

        var stock = new Dictionary<string, double>(StringComparer.Ordinal);
        var wallet = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (code, qty) in all.Balances)
        {
            var rule = model.Asset(code).Rule;
            if (rule.Kind is AssetKind.Equity or AssetKind.Etf)
            {
                stock[code] = qty;
            }
            else if (qty < 0 && !rule.IsCashLike)
            {
                var borrow = new Portfolio { Regime = MarginRegime.Pm, Balances = new Dictionary<string, double> { [code] = qty } };
                silos.Add(new SiloLine($"borrowed {code}", "PM", Requirement(book, borrow)));
            }
            else if (qty > 0)
            {
                wallet.Add(code);
            }
        }

        if (stock.Count > 0 || securities.Count > 0)
        {
            var std = new Portfolio { Regime = MarginRegime.Std, Balances = stock, Positions = securities };
            silos.Add(new SiloLine("securities (Reg T / strategy)", "STD", Requirement(book, std)));
        }

        if (wallet.Count > 0)
        {
            silos.Add(new SiloLine($"spot wallet ({string.Join(", ", wallet)})", "none", 0));
        }

        var total = 0.0;
        foreach (var s in silos)
        {
            total += s.Requirement;
        }

        return new RegimeComparison { SiloedTotal = total, CrossTotal = cross, Silos = silos };
    }

    private static double Requirement(AccountBook book, Portfolio silo)
        => AccountBook.Create(book.Model, silo).TotalIm(true, out _, out _, out _);
}

using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Market;

namespace Grid.Risk.Simulation;

/// <summary>
/// Builds the book of a simulated portfolio after checking every holding against the basis, so that each
/// refusal names the holding's field as the request spells it: unknown instruments and assets, spot held as
/// a position, an instrument listed twice, non-finite or negative terms, a coin-margined position without its
/// entry, a holding worth more than the grid's 1e15 USD, and anything the market in use cannot price.
/// </summary>
public static class SimulatedBook
{
    /// <summary>The book of <paramref name="inputs"/>' portfolio on <paramref name="basis"/>.</summary>
    /// <exception cref="SimulationException">A holding cannot be margined; the field names it.</exception>
    public static AccountBook Create(SimulationBasis basis, SimulationInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(inputs);
        var model = basis.Model;
        var paths = inputs.Paths;
        var portfolio = inputs.DefaultRegime ? inputs.Portfolio with { Regime = model.Rulebook.DefaultRegime } : inputs.Portfolio;
        foreach (var (code, qty) in portfolio.Balances)
        {
            if (!model.TryGetAsset(code, out var a))
            {
                throw new SimulationException(SimulationFault.UnknownAsset, paths.Balance(code, HoldingField.Id), $"{code} is not an asset of rulebook {model.Rulebook.Version}");
            }

            var price = model.Assets[a].Price;
            Amount(qty, paths.Balance(code, HoldingField.Qty), signed: true);
            if (qty != 0 && double.IsNaN(price))
            {
                throw basis.LiveMarket
                    ? new SimulationException(SimulationFault.LiveMarketUnpriced, paths.Balance(code, HoldingField.Id), $"{code} has no index price in the live market now")
                    : SimulationException.Invalid($"{basis.MarketPath}.index.{code}", $"is missing: the portfolio holds {code}");
            }

            Worth(qty * price, paths.Balance(code, HoldingField.Qty), "the balance");
        }

        var seen = new Dictionary<int, int>();
        for (var i = 0; i < portfolio.Positions.Count; i++)
        {
            var p = portfolio.Positions[i];
            var risk = Resolve(basis, p.Instrument, paths.Position(i, HoldingField.Id));
            if (risk.Kind.IsCash())
            {
                throw SimulationException.Invalid(paths.Position(i, HoldingField.Id), $"{p.Instrument} is a spot pair or stock: hold it as a balance of {risk.Spec.Base}, not as a position");
            }

            if (!seen.TryAdd(risk.Index, i))
            {
                throw SimulationException.Invalid(paths.Position(i, HoldingField.Id), $"{p.Instrument} is listed twice (also at {paths.Position(seen[risk.Index], HoldingField.Id)}): give one net position");
            }

            Amount(p.Qty, paths.Position(i, HoldingField.Qty), signed: true);
            Amount(p.Entry, paths.Position(i, HoldingField.Entry), signed: false);
            Amount(p.Funding, paths.Position(i, HoldingField.Funding), signed: true);
            if (p.Qty != 0 && p.Entry <= 0 && risk.Kind is InstrumentKind.InversePerp or InstrumentKind.InverseFuture)
            {
                throw SimulationException.Invalid(paths.Position(i, HoldingField.Entry), "a coin-margined position needs its entry price (> 0)");
            }

            Worth(OrderGate.Notional(risk, p.Qty, risk.Mark), paths.Position(i, HoldingField.Qty), "the position");
        }

        for (var i = 0; i < portfolio.Orders.Count; i++)
        {
            var o = portfolio.Orders[i];
            var risk = Resolve(basis, o.Instrument, paths.Order(i, HoldingField.Id));
            if (o.Side is not (Side.Buy or Side.Sell))
            {
                throw SimulationException.Invalid(paths.Order(i, HoldingField.Side), "must be buy or sell");
            }

            Positive(o.Qty, paths.Order(i, HoldingField.Qty));
            Positive(o.Price, paths.Order(i, HoldingField.Price));
            Worth(OrderGate.Notional(risk, o.Qty, o.Price), paths.Order(i, HoldingField.Qty), "the order");
        }

        try
        {
            return AccountBook.Create(model, portfolio);
        }
        catch (RiskInputException e)
        {
            throw SimulationException.Invalid(paths.Root.Length == 0 ? e.Field : $"{paths.Root}.{e.Field}", SimulationBasis.Strip(e));
        }
    }

    /// <summary>The instrument <paramref name="id"/> in the basis, or the refusal that names why it cannot be used.</summary>
    internal static InstrumentRisk Resolve(SimulationBasis basis, string id, string field)
    {
        if (basis.Model.TryGetInstrument(id, out var index))
        {
            return basis.Model.Instruments[index];
        }

        if (!basis.Unpriced.TryGetValue(id, out var why))
        {
            throw new SimulationException(SimulationFault.UnknownInstrument, field, basis.LiveInstruments ? $"{id} is not listed" : $"{id} is not among the instruments given ({basis.InstrumentsPath})");
        }

        // Left out of the model: the market in use cannot price it, or the rulebook in use cannot margin it.
        if (why.Field.StartsWith("instruments.", StringComparison.Ordinal) || !basis.LiveMarket)
        {
            var at = why.Field.StartsWith("instruments.", StringComparison.Ordinal) ? field : $"{basis.MarketPath}.{why.Field}";
            return basis.LiveMarket && basis.LiveRulebook
                ? throw new SimulationException(SimulationFault.LiveMarketUnpriced, field, $"{id} cannot be margined in the live market now: {SimulationBasis.Strip(why)}")
                : throw SimulationException.Invalid(at, $"{SimulationBasis.Strip(why)} (the portfolio uses {id})");
        }

        throw new SimulationException(SimulationFault.LiveMarketUnpriced, field, $"{id} has no price in the live market now: {SimulationBasis.Strip(why)}");
    }

    private static void Amount(double value, string field, bool signed)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > GridLimits.MaxValue || (!signed && value < 0))
        {
            throw SimulationException.Invalid(field, signed ? $"{value} must be a finite number within ±1e15" : $"{value} must be a number in [0, 1e15]");
        }
    }

    private static void Positive(double value, string field)
    {
        if (!(value > 0) || !double.IsFinite(value) || value > GridLimits.MaxValue)
        {
            throw SimulationException.Invalid(field, $"{value} must be in (0, 1e15]");
        }
    }

    private static void Worth(double usd, string field, string what)
    {
        if (!(Math.Abs(usd) <= GridLimits.MaxValue))
        {
            throw SimulationException.Invalid(field, GridLimits.Message(what));
        }
    }
}

using System.Runtime.CompilerServices;
using Grid.Risk.Decisions;
using Grid.Risk.Market;
using Grid.Risk.Regimes;
using Grid.Risk.Stress;
using Grid.Risk.Supervision;

namespace Grid.Risk.Simulation;

/// <summary>
/// Margins a portfolio without an account (the CME CORE what-if): the buying-power breakdown, and on
/// request a candidate order through the one pre-trade decision (<see cref="OrderGate"/>), its max size
/// (<see cref="MaxOrderSize"/>), siloed versus cross (<see cref="SiloedMargin"/>), the rulebook's stress
/// scenarios (<see cref="StressMarket"/>) and the figures without credits (<see cref="CreditDependency"/>).
/// Thread-safe; the shocked market of a model is built once and shared by every call on that model.
/// </summary>
public sealed class PortfolioSimulator
{
    private readonly ConditionalWeakTable<RiskModel, StressMarket> _stress = [];

    /// <summary>Simulates <paramref name="inputs"/> against the live listing <paramref name="live"/> (null: none on this node).</summary>
    /// <exception cref="SimulationException">The inputs cannot be margined; the field names why.</exception>
    public SimulationResult Run(SimulationInputs inputs, ListedMarket? live, CandidateOrder? order, SimulationFigures figures)
        => Run(SimulationBasis.Resolve(inputs, live), inputs, order, figures);

    /// <summary>Simulates <paramref name="inputs"/> on a resolved <paramref name="basis"/>.</summary>
    /// <exception cref="SimulationException">A holding cannot be margined, or the figures are not finite.</exception>
    public SimulationResult Run(SimulationBasis basis, SimulationInputs inputs, CandidateOrder? order, SimulationFigures figures)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(inputs);
        var book = SimulatedBook.Create(basis, inputs);
        var report = book.Evaluate();
        order ??= inputs.Order;
        var outcome = order is null ? null : Decide(basis, book, order);
        long? max = null;
        if ((figures & SimulationFigures.MaxOrderSize) != 0 && outcome is not null)
        {
            var o = outcome.Order;
            max = outcome.Instrument < 0 ? 0 : MaxOrderSize.Units(book, outcome.Instrument, o.Side, o.Price, basis.LimitsOf(outcome.Instrument), default);
        }

        StressMarket? stress = null;
        var outcomes = Array.Empty<StressOutcome>();
        if ((figures & SimulationFigures.Stress) != 0 && basis.Model.Rulebook.Stress.Scenarios.Count > 0)
        {
            stress = _stress.GetValue(basis.Model, StressMarket.Build);
            outcomes = new StressOutcome[stress.Count];
            stress.Evaluate(book, outcomes);
        }

        var result = new SimulationResult
        {
            Basis = basis,
            Book = book,
            Report = report,
            Order = outcome,
            MaxOrderUnits = max,
            Regimes = (figures & SimulationFigures.Regimes) != 0 ? SiloedMargin.Compare(book) : null,
            StressMarket = stress,
            Stress = outcomes,
            Dependency = (figures & SimulationFigures.CreditDependency) != 0 ? CreditDependency.Of(book) : null,
        };
        FiniteFigures.Require(result, inputs);
        return result;
    }

    // The decision a live check would make: unknown or unpriced instruments are reject reasons here, as on
    // the engine stream; the account controls (frozen, resting-order cap) belong to accounts and do not apply.
    private static OrderOutcome Decide(SimulationBasis basis, Accounts.AccountBook book, CandidateOrder order)
    {
        if (!basis.Model.TryGetInstrument(order.Instrument, out var index))
        {
            var (reason, why) = basis.Unpriced.TryGetValue(order.Instrument, out var e)
                ? (RejectReason.NoPrice, $"{order.Instrument} cannot be priced: {SimulationBasis.Strip(e)}")
                : (RejectReason.UnknownInstrument, $"{order.Instrument} is not listed");
            return new OrderOutcome(order, new PreTradeResult { Decision = Decision.Reject, Reason = reason }, why, -1);
        }

        var terms = new OrderTerms(index, order.Side, order.Qty, order.Price, order.ReduceOnly);
        var limits = basis.LimitsOf(index);
        var result = OrderGate.Check(book, terms, limits, default);
        var text = result.Decision == Decision.Reject && !result.Reason.IsMarginTest() ? OrderGateText.Explain(result.Reason, book, terms, limits) : "";
        return new OrderOutcome(order, result, text, index);
    }
}

using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Simulation;

/// <summary>
/// What a simulation was asked to margin: a portfolio, and optionally the rulebook, the instruments and
/// the market to margin it against (each one left out is taken from the live market), with the path of
/// each part in the request so that errors name the field the caller wrote.
/// </summary>
public sealed record SimulationInputs
{
    /// <summary>Balances, positions, resting orders, regime and previous state.</summary>
    public required Portfolio Portfolio { get; init; }

    /// <summary>True when the request left the regime out: the rulebook's default regime applies.</summary>
    public bool DefaultRegime { get; init; }

    /// <summary>Where the portfolio's holdings sit in the request.</summary>
    public required HoldingPaths Paths { get; init; }

    /// <summary>The rulebook given, or null for the one in force.</summary>
    public Rulebook? Rulebook { get; init; }

    /// <summary>Path of the given rulebook, e.g. <c>input.rulebook</c>.</summary>
    public string RulebookPath { get; init; } = "rulebook";

    /// <summary>The instruments given, or null for the live listing.</summary>
    public IReadOnlyList<Instrument>? Instruments { get; init; }

    /// <summary>Trading limits of the given instruments by id (typed specs carry them; a document's do not).</summary>
    public IReadOnlyDictionary<string, TradingLimits>? InstrumentLimits { get; init; }

    /// <summary>Path of the given instruments (an array), e.g. <c>input.instruments</c>.</summary>
    public string InstrumentsPath { get; init; } = "instruments";

    /// <summary>The market given, or null for the live market.</summary>
    public MarketSnapshot? Market { get; init; }

    /// <summary>Path of the given market, e.g. <c>input.market</c>.</summary>
    public string MarketPath { get; init; } = "market";

    /// <summary>A candidate order carried by the document itself (a case's <c>order</c>), or null.</summary>
    public CandidateOrder? Order { get; init; }
}

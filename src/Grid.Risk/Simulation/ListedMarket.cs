using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Market;

namespace Grid.Risk.Simulation;

/// <summary>
/// The live market as a simulation sees it: the compiled model every account of the silo reads, every
/// listed instrument (priced or not) with its trading limits, and why the unpriced ones are left out.
/// Immutable; one per market frame.
/// </summary>
public sealed class ListedMarket
{
    private readonly IReadOnlyDictionary<string, TradingLimits> _limits;
    private readonly Func<int, bool> _staleGroup;
    private IReadOnlyDictionary<string, RiskInputException>? _unpricedErrors;

    /// <summary>A listing over <paramref name="model"/>.</summary>
    /// <param name="model">The compiled live model.</param>
    /// <param name="listed">Every listed instrument's spec, priced or not.</param>
    /// <param name="unpriced">Listed instruments the model left out, with the reason.</param>
    /// <param name="limits">Each instrument's band, notional and position limits and halt flag (staleness is not read from here).</param>
    /// <param name="staleGroup">True when a group (index in <paramref name="model"/>) has prices older than the grid allows, now.</param>
    public ListedMarket(
        RiskModel model, IReadOnlyList<Instrument> listed, IReadOnlyDictionary<string, string> unpriced,
        IReadOnlyDictionary<string, TradingLimits> limits, Func<int, bool>? staleGroup = null)
    {
        Model = model;
        Listed = listed;
        Unpriced = unpriced;
        _limits = limits;
        _staleGroup = staleGroup ?? (_ => false);
    }

    /// <summary>The compiled live model.</summary>
    public RiskModel Model { get; }

    /// <summary>Every listed instrument's spec.</summary>
    public IReadOnlyList<Instrument> Listed { get; }

    /// <summary>Listed instruments the live model cannot price now, with the reason.</summary>
    public IReadOnlyDictionary<string, string> Unpriced { get; }

    /// <summary>The reasons of <see cref="Unpriced"/> as the errors a simulation refuses holdings with (built once).</summary>
    internal IReadOnlyDictionary<string, RiskInputException> UnpricedErrors
        => _unpricedErrors ??= Unpriced.ToDictionary(u => u.Key, u => new RiskInputException($"instruments.{u.Key}", u.Value), StringComparer.Ordinal);

    /// <summary>A listing of <paramref name="model"/>'s instruments with no limits (tests, benchmarks, a model without a listing).</summary>
    public static ListedMarket Of(RiskModel model)
        => new(model, Array.ConvertAll(model.Instruments, i => i.Spec), new Dictionary<string, string>(), new Dictionary<string, TradingLimits>());

    /// <summary>
    /// The limits a check of <paramref name="instrument"/> gets: the listing's, plus staleness of the live
    /// prices when <paramref name="group"/> (an index in <see cref="Model"/>) is given (a live market).
    /// </summary>
    public TradingLimits LimitsOf(string instrument, int? group)
    {
        var limits = _limits.TryGetValue(instrument, out var l) ? l : default;
        return group is { } g ? limits with { StalePrice = _staleGroup(g) } : limits;
    }
}

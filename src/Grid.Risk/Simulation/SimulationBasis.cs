using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Market;

namespace Grid.Risk.Simulation;

/// <summary>
/// What a simulated portfolio is margined against: the rulebook, instruments and market the request gave,
/// each part it left out taken from the live market. With nothing given, the live model itself (no
/// compilation); otherwise a model compiled for the call. A given market is used as it is, never merged
/// with the live one (methodology: "Margin simulator").
/// </summary>
public sealed class SimulationBasis
{
    private readonly ListedMarket? _listing;
    private readonly IReadOnlyDictionary<string, TradingLimits>? _given;

    private SimulationBasis(RiskModel model, SimulationInputs inputs, ListedMarket? listing, IReadOnlyDictionary<string, RiskInputException> unpriced)
    {
        Model = model;
        _listing = listing;
        _given = inputs.Instruments is null ? null : inputs.InstrumentLimits;
        Unpriced = unpriced;
        LiveRulebook = inputs.Rulebook is null;
        LiveInstruments = inputs.Instruments is null;
        LiveMarket = inputs.Market is null;
        InstrumentsPath = inputs.InstrumentsPath;
        MarketPath = inputs.MarketPath;
    }

    /// <summary>The compiled model the portfolio is margined on.</summary>
    public RiskModel Model { get; }

    /// <summary>True when the rulebook in force is used.</summary>
    public bool LiveRulebook { get; }

    /// <summary>True when the live listing is used (its trading limits apply to a candidate order).</summary>
    public bool LiveInstruments { get; }

    /// <summary>True when the live market is used (its price ages apply to a candidate order).</summary>
    public bool LiveMarket { get; }

    /// <summary>Instruments in use that could not be compiled, by id, with the reason.</summary>
    public IReadOnlyDictionary<string, RiskInputException> Unpriced { get; }

    /// <summary>Path of given instruments.</summary>
    public string InstrumentsPath { get; }

    /// <summary>Path of a given market.</summary>
    public string MarketPath { get; }

    /// <summary>The market instant the figures are computed at.</summary>
    public DateTimeOffset AsOf => Model.Market.AsOf;

    /// <summary>Resolves <paramref name="inputs"/> against <paramref name="live"/> (null when this node has no live market).</summary>
    /// <exception cref="SimulationException">A given part cannot be compiled, or a part is left out and there is no live market.</exception>
    public static SimulationBasis Resolve(SimulationInputs inputs, ListedMarket? live)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Rulebook is null && inputs.Instruments is null && inputs.Market is null)
        {
            var listing = live ?? throw NoLive("the rulebook, instruments and market");
            return new SimulationBasis(listing.Model, inputs, listing, listing.UnpricedErrors);
        }

        var rulebook = inputs.Rulebook ?? live?.Model.Rulebook ?? throw NoLive("the rulebook");
        var instruments = inputs.Instruments ?? live?.Listed ?? throw NoLive("the instruments");
        var market = inputs.Market ?? live?.Model.Market ?? throw NoLive("the market");

        // Given instruments must all compile (they are the request's); from the live listing, those the
        // market cannot price are left out and refused only if the portfolio uses them.
        var skipped = inputs.Instruments is null ? new List<RiskInputException>() : null;
        RiskModel model;
        try
        {
            model = RiskModel.Build(rulebook, instruments, market, skipped);
        }
        catch (RiskInputException e)
        {
            throw SimulationException.Invalid(PathOf(e.Field, inputs, instruments), Strip(e));
        }

        return new SimulationBasis(model, inputs, inputs.Instruments is null ? live : null, LeftOut(model, instruments, skipped));
    }

    // RiskModel.Build compiles the instruments in order and records one error per instrument it leaves out
    // (a second listing of an id included), so the errors pair with the failed instruments in order.
    private static Dictionary<string, RiskInputException> LeftOut(RiskModel model, IReadOnlyList<Instrument> instruments, List<RiskInputException>? skipped)
    {
        var left = new Dictionary<string, RiskInputException>(StringComparer.Ordinal);
        if (skipped is null || skipped.Count == 0)
        {
            return left;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = 0;
        foreach (var spec in instruments)
        {
            var compiled = seen.Add(spec.Id) && model.TryGetInstrument(spec.Id, out _);
            if (!compiled && next < skipped.Count)
            {
                left.TryAdd(spec.Id, skipped[next++]);
            }
        }

        return left;
    }

    /// <summary>
    /// The limits a candidate order in <paramref name="instrument"/> is checked with: the live listing's
    /// (band, notional, position, halt) when the instruments are the listing's, plus price staleness when the
    /// market is live too; the given specs' own limits when they carry any; otherwise none.
    /// </summary>
    public TradingLimits LimitsOf(int instrument)
    {
        var risk = Model.Instruments[instrument];
        if (_listing is null)
        {
            return _given is not null && _given.TryGetValue(risk.Spec.Id, out var own) ? own : default;
        }

        return _listing.LimitsOf(risk.Spec.Id, LiveMarket && ReferenceEquals(Model, _listing.Model) ? risk.Group : null);
    }

    /// <summary>
    /// The path a compile error of the model names: a given instrument by its index in the request, a market
    /// field under the given market's path; fields of the live market keep their own name.
    /// </summary>
    internal static string PathOf(string field, SimulationInputs inputs, IReadOnlyList<Instrument> instruments)
    {
        if (field.StartsWith("instruments.", StringComparison.Ordinal) && inputs.Instruments is not null)
        {
            for (var i = 0; i < instruments.Count; i++)
            {
                var id = instruments[i].Id;
                var at = "instruments.".Length;
                if (string.CompareOrdinal(field, at, id, 0, id.Length) == 0 && (field.Length == at + id.Length || field[at + id.Length] == '.'))
                {
                    return $"{inputs.InstrumentsPath}[{i}]{field[(at + id.Length)..]}";
                }
            }
        }

        return inputs.Market is not null && !field.StartsWith("instruments.", StringComparison.Ordinal) ? $"{inputs.MarketPath}.{field}" : field;
    }

    internal static string Strip(Exception e)
    {
        var m = e.Message;
        var colon = m.IndexOf(": ", StringComparison.Ordinal);
        return e is RiskInputException r && colon > 0 && m.AsSpan(0, colon).SequenceEqual(r.Field) ? m[(colon + 2)..] : m;
    }

    private static SimulationException NoLive(string what)
        => new(SimulationFault.NoLiveMarket, "", $"{what} must be given: this node has no live market");
}

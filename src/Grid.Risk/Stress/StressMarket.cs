using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Pricing;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Stress;

/// <summary>
/// A <see cref="RiskModel"/>'s market revalued under every stress scenario (Rulebook §5.2 item 1),
/// computed once per scenario and shared read-only by every account (safe across threads): per asset
/// the shocked price, per instrument the shocked mark, underlying index and option value. Column 0
/// holds the unshocked market, so an account's AE and every AE′ come out of one pass over its
/// holdings with the same arithmetic as <see cref="Accounts.AccountBook.AdjustedEquity"/>.
/// </summary>
public sealed partial class StressMarket
{
    /// <summary>Lowest implied vol after a shift (§5.2: σ′ = max(0.01, σ + volShift)).</summary>
    public const double VolFloor = 0.01;

    private readonly double[] _prices;
    private readonly ShockedInstrument[] _instruments;
    private readonly StressValuation[] _valuation;
    private readonly bool[] _fullPm;
    private readonly bool[] _fullStd;

    private StressMarket(RiskModel model, IReadOnlyList<StressScenario> scenarios, double guaranteeFund)
    {
        Model = model;
        Scenarios = scenarios;
        GuaranteeFund = guaranteeFund;
        Width = scenarios.Count + 1;
        _prices = new double[model.Assets.Length * Width];
        _instruments = new ShockedInstrument[model.Instruments.Length * Width];
        _valuation = new StressValuation[model.Instruments.Length];
        _fullPm = new bool[model.Assets.Length];
        _fullStd = new bool[model.Assets.Length];
    }

    /// <summary>The model whose market is shocked (its layout indexes books and replicas).</summary>
    public RiskModel Model { get; }

    /// <summary>The scenarios, in rulebook order.</summary>
    public IReadOnlyList<StressScenario> Scenarios { get; }

    /// <summary>Scenario count.</summary>
    public int Count => Scenarios.Count;

    /// <summary>USD held to absorb deficits (§5.3 coverage ratio).</summary>
    public double GuaranteeFund { get; }

    /// <summary>The market instant the figures are as of.</summary>
    public DateTimeOffset AsOf => Model.Market.AsOf;

    /// <summary>The rulebook version the figures use.</summary>
    public string RulebookVersion => Model.Rulebook.Version;

    /// <summary>Columns per asset and instrument: the unshocked market, then one per scenario.</summary>
    internal int Width { get; }

    /// <summary>Shocks <paramref name="model"/>'s market with its rulebook's scenarios and fund.</summary>
    public static StressMarket Build(RiskModel model)
        => Build(model, model.Rulebook.Stress.Scenarios, model.Rulebook.Stress.GuaranteeFund);

    /// <summary>Shocks <paramref name="model"/>'s market with <paramref name="scenarios"/> (e.g. a case file's, or an ad-hoc one).</summary>
    public static StressMarket Build(RiskModel model, IReadOnlyList<StressScenario> scenarios, double guaranteeFund)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scenarios);
        if (scenarios.Count > StressRulesReader.MaxScenarios)
        {
            throw new ArgumentException($"at most {StressRulesReader.MaxScenarios} scenarios", nameof(scenarios));
        }

        var market = new StressMarket(model, scenarios, guaranteeFund);
        market.ShockAssets();
        market.ShockInstruments();
        return market;
    }

    /// <summary>Price of asset <paramref name="code"/> under scenario <paramref name="scenario"/> (−1: unshocked); NaN when unpriced.</summary>
    public double AssetPrice(string code, int scenario) => _prices[Model.Asset(code).Index * Width + Column(scenario)];

    /// <summary>AE inputs of instrument <paramref name="id"/> under scenario <paramref name="scenario"/> (−1: unshocked).</summary>
    public ShockedInstrument Instrument(string id, int scenario) => _instruments[Model.Instrument(id).Index * Width + Column(scenario)];

    /// <summary>Index of the scenario named <paramref name="name"/>, or −1.</summary>
    public int IndexOf(string name)
    {
        for (var s = 0; s < Scenarios.Count; s++)
        {
            if (Scenarios[s].Name == name)
            {
                return s;
            }
        }

        return -1;
    }

    private int Column(int scenario)
        => scenario >= -1 && scenario < Count ? scenario + 1 : throw new ArgumentOutOfRangeException(nameof(scenario));

    // §5.2 item 1: P′ = P·(1 + move); stablecoins, priced at 1 by §0, at 1 + move (a depeg); the RC never moves.
    private void ShockAssets()
    {
        foreach (var asset in Model.Assets)
        {
            var rule = asset.Rule;
            var row = _prices.AsSpan(asset.Index * Width, Width);
            row[0] = asset.Price;
            for (var s = 0; s < Count; s++)
            {
                var move = Scenarios[s].Move(rule.Name, rule.Kind);
                row[s + 1] = rule.Kind == AssetKind.Stablecoin ? 1 + move : asset.Price * (1 + move);
            }

            _fullPm[asset.Index] = rule.Mode == CollateralMode.Scenario;
            _fullStd[asset.Index] = rule.Kind is AssetKind.Equity or AssetKind.Etf;
        }
    }

    // §5.2 item 1: marks and forwards move with the underlying; options are repriced by Black-76 at
    // F′ and σ′ = max(0.01, σ + volShift), time and rates unchanged. For equity and index options
    // F = S·e^{(r−q)T}, so the forward of the shocked index is F·(1 + move).
    private void ShockInstruments()
    {
        foreach (var risk in Model.Instruments)
        {
            var row = _instruments.AsSpan(risk.Index * Width, Width);
            var inverse = risk.Kind.IsInverse();
            row[0] = new ShockedInstrument(risk.Mark, risk.UnderlyingPrice, risk.Value, inverse ? risk.UnderlyingPrice : 1);
            var valuation = ValuationOf(risk.Kind);
            var settlement = risk.Spec.Settlement is { } code && Model.Rulebook.Assets.TryGetValue(code, out var settles) ? settles : null;
            _valuation[risk.Index] = valuation;
            var underlying = risk.Spec.Underlying;
            AssetKind? kind = underlying is not null && Model.Rulebook.Assets.TryGetValue(underlying, out var rule) ? rule.Kind : null;
            for (var s = 0; s < Count; s++)
            {
                var move = underlying is null || valuation == StressValuation.None ? 0 : Scenarios[s].Move(underlying, kind);
                var up = 1 + move;
                var value = 0.0;
                if (valuation == StressValuation.Option)
                {
                    var shift = underlying is null ? 0 : Scenarios[s].VolShift(underlying, kind);
                    var vol = Math.Max(VolFloor, risk.Vol + shift);
                    var forward = risk.Forward * up;
                    var perUnit = Black76.Price(risk.IsCall, forward, risk.Strike, risk.Years, vol, risk.Discount);
                    // An inverse option is worth B76·P/F in USD; a shock that moves P and F together keeps P/F.
                    var scale = risk.Multiplier * (risk.Kind == InstrumentKind.InverseOption ? risk.UnderlyingPrice * up / forward : 1);
                    value = scale * perUnit;
                }

                // Unsettled funding is a claim in the settlement asset: the coin for inverse contracts
                // (as in AE), else the settlement asset, so a USDT perp's funding depegs with USDT.
                var funding = inverse ? risk.UnderlyingPrice * up : 1 + (settlement is null ? 0 : Scenarios[s].Move(settlement.Name, settlement.Kind));
                row[s + 1] = new ShockedInstrument(risk.Mark * up, risk.UnderlyingPrice * up, value, funding);
            }
        }
    }

    private static StressValuation ValuationOf(InstrumentKind kind) => kind switch
    {
        InstrumentKind.LinearPerp or InstrumentKind.LinearFuture or InstrumentKind.SpanFuture => StressValuation.Linear,
        InstrumentKind.InversePerp or InstrumentKind.InverseFuture => StressValuation.Inverse,
        InstrumentKind.Option or InstrumentKind.InverseOption => StressValuation.Option,
        _ => StressValuation.None,
    };
}

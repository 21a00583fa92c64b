using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Tests.Examples;

/// <summary>
/// The common crypto market of examples.md (BTC index = perp mark = 30-day forward = 60,000, ETH 3,000,
/// σ = 55%, r = 0) and the instruments the examples use, on the default rulebook unless told otherwise.
/// </summary>
internal static class ExampleMarket
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A "30-day" option expires exactly 30 days after the snapshot.</summary>
    public static readonly DateTimeOffset Expiry30 = AsOf.AddDays(30);

    public const string Perp = "BTC-PERP";
    public const string EthPerp = "ETH-PERP";
    public const string Dec = "BTC-DEC";
    public const string InversePerp = "BTC-INV-PERP";
    public const string Call60K = "BTC-30D-60000-C";
    public const string Put60K = "BTC-30D-60000-P";
    public const string Call66K = "BTC-30D-66000-C";

    /// <summary>USD face value of one inverse perp contract.</summary>
    public const double InverseFace = 10;

    /// <summary>Index of the first extended row (27 main-grid scenarios precede it).</summary>
    public const int FirstExtended = 27;

    public static Instrument LinearPerp(string id, string group = "BTC", StdOverride? std = null)
        => new() { Id = id, Kind = InstrumentKind.LinearPerp, Group = group, Underlying = group, Multiplier = 1, Std = std };

    public static Instrument BtcOption(string id, double strike, OptionType type) => new()
    {
        Id = id, Kind = InstrumentKind.Option, Group = "BTC", Underlying = "BTC", Multiplier = 1,
        Expiry = Expiry30, Strike = strike, OptionType = type, Settlement = "USDC",
    };

    public static IReadOnlyList<Instrument> CryptoInstruments() =>
    [
        LinearPerp(Perp),
        LinearPerp(EthPerp, "ETH"),
        new Instrument
        {
            Id = Dec, Kind = InstrumentKind.LinearFuture, Group = "BTC", Underlying = "BTC", Multiplier = 1,
            Expiry = new DateTimeOffset(2026, 12, 25, 8, 0, 0, TimeSpan.Zero),
        },
        new Instrument { Id = InversePerp, Kind = InstrumentKind.InversePerp, Group = "BTC", Underlying = "BTC", Multiplier = InverseFace },
        BtcOption(Call60K, 60_000, OptionType.Call),
        BtcOption(Put60K, 60_000, OptionType.Put),
        BtcOption(Call66K, 66_000, OptionType.Call),
    ];

    /// <summary>The common crypto market; <paramref name="extra"/> delta-one instruments are marked at 60,000.</summary>
    public static MarketSnapshot CryptoMarket(
        double decMark = 61_500, IEnumerable<Instrument>? extra = null, IReadOnlyDictionary<string, double>? openInterest = null)
    {
        var marks = new Dictionary<string, double>
        {
            [Perp] = 60_000, [EthPerp] = 3_000, [Dec] = decMark, [InversePerp] = 60_000,
        };
        foreach (var i in extra ?? [])
        {
            if (i.Kind.IsDeltaOne())
            {
                marks[i.Id] = 60_000;
            }
        }

        return new MarketSnapshot
        {
            AsOf = AsOf,
            Index = new Dictionary<string, double> { ["BTC"] = 60_000, ["ETH"] = 3_000 },
            Marks = marks,
            Forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>
            {
                ["BTC"] = new Dictionary<DateTimeOffset, double> { [Expiry30] = 60_000 },
            },
            Vols = new Dictionary<string, double> { [Call60K] = 0.55, [Put60K] = 0.55, [Call66K] = 0.55 },
            Rate = 0,
            OpenInterest = openInterest ?? new Dictionary<string, double>(),
        };
    }

    public static RiskModel Crypto(Rulebook? rulebook = null, double decMark = 61_500, IReadOnlyList<Instrument>? extra = null,
        IReadOnlyDictionary<string, double>? openInterest = null)
        => RiskModel.Build(rulebook ?? Rulebook.Default, [.. CryptoInstruments(), .. extra ?? []], CryptoMarket(decMark, extra, openInterest));

    public static AccountBook Account(
        RiskModel model, Position[] positions, IReadOnlyDictionary<string, double>? balances = null,
        RestingOrder[]? orders = null, MarginRegime regime = MarginRegime.Pm)
        => AccountBook.Create(model, new Portfolio
        {
            Regime = regime,
            Balances = balances ?? new Dictionary<string, double>(),
            Positions = positions,
            Orders = orders ?? [],
        });
}

/// <summary>Tolerances of examples.md: 0.01 USD for money, 1e-6 relative for prices and risk-array cells.</summary>
internal static class Near
{
    public const double MoneyTolerance = 0.01;

    public static void Usd(double expected, double actual, string what)
        => Assert.True(Math.Abs(actual - expected) <= MoneyTolerance + 1e-9,
            $"{what}: examples.md says {expected:N2} (±0.01 USD), the engine gives {actual:N6}");

    public static void Rel(double expected, double actual, string what, double tolerance = 1e-6)
        => Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            $"{what}: examples.md says {expected:G10} (±{tolerance:G2} relative), the engine gives {actual:G12}");

    public static void Abs(double expected, double actual, double tolerance, string what)
        => Assert.True(Math.Abs(actual - expected) <= tolerance,
            $"{what}: examples.md says {expected:G10} (±{tolerance:G2}), the engine gives {actual:G12}");
}

/// <summary>The equity and index markets of examples.md E10 and E11 (r = 4%, q = 0, 30-day options, mult 100).</summary>
internal static class EquityMarket
{
    public const string AaplPut = "AAPL-30D-190-P";
    public const string AaplCall = "AAPL-30D-220-C";
    public const string SpxPut = "SPX-30D-5200-P";
    public const string Es = "ES-30D";

    /// <summary>E11 states F = 5,417.782640 for the same expiry; ES is marked there (PnL = −4·50·F·s).</summary>
    public const double EsForward = 5_417.782640;

    public static Instrument Option(string id, string underlying, double strike, OptionType type) => new()
    {
        Id = id, Kind = InstrumentKind.Option, Group = underlying, Underlying = underlying, Multiplier = 100,
        Expiry = ExampleMarket.Expiry30, Strike = strike, OptionType = type, Settlement = "USD",
    };

    public static RiskModel Model() => RiskModel.Build(
        Rulebook.Default,
        [
            Option(AaplPut, "AAPL", 190, OptionType.Put),
            Option(AaplCall, "AAPL", 220, OptionType.Call),
            Option(SpxPut, "SPX", 5_200, OptionType.Put),
            new Instrument
            {
                Id = Es, Kind = InstrumentKind.LinearFuture, Group = "SPX", Underlying = "SPX", Multiplier = 50, Expiry = ExampleMarket.Expiry30,
            },
        ],
        new MarketSnapshot
        {
            AsOf = ExampleMarket.AsOf,
            Index = new Dictionary<string, double> { ["AAPL"] = 200, ["SPX"] = 5_400 },
            Marks = new Dictionary<string, double> { [Es] = EsForward },
            Vols = new Dictionary<string, double> { [AaplPut] = 0.25, [AaplCall] = 0.25, [SpxPut] = 0.18 },
            Rate = 0.04,
        });

    public static AccountBook Account(Position[] positions, IReadOnlyDictionary<string, double>? balances = null, MarginRegime regime = MarginRegime.Pm)
        => ExampleMarket.Account(Model(), positions, balances, regime: regime);
}

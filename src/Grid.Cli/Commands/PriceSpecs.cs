using Grid.Cli.Parsing;

namespace Grid.Cli.Commands;

/// <summary>What each <c>grid price</c> command takes and says in its help.</summary>
internal static class PriceSpecs
{
    /// <summary>When the source observed the price (every price command).</summary>
    public static readonly OptionSpec ObservedAt = new(
        "observed-at", "INSTANT", "when the source observed the price, ISO 8601 with offset (default: now)");

    /// <summary>The delta published with a risk array (<c>price risk-array</c> only).</summary>
    public static readonly OptionSpec Delta = new(
        "delta", "USD", "the span delta published with the array, USD per underlying unit; sent in the same batch");

    /// <summary>The spec of the command that publishes <paramref name="kind"/>.</summary>
    public static CommandSpec Of(PriceKind kind) => kind switch
    {
        PriceKind.Index => Describe("index", "<asset> <price>", "an asset's index price in USD per unit",
            [new("<asset>", "asset code, e.g. BTC"), new("<price>", "USD per unit, > 0")], "grid price index BTC 61250.5"),
        PriceKind.Mark => Describe("mark", "<instrument> <price>", "an instrument's mark price (not options: their marks are computed)",
            [new("<instrument>", "instrument id, e.g. BTC-PERP"), new("<price>", "mark in quote units, > 0")], "grid price mark BTC-PERP 61200"),
        PriceKind.Vol => Describe("vol", "<instrument> <vol>", "an option's implied vol as a fraction (0.55 for 55%)",
            [new("<instrument>", "option id, e.g. BTC-261225-60000-C"), new("<vol>", "annualised vol as a fraction, > 0")], "grid price vol BTC-261225-60000-C 0.58"),
        PriceKind.Forward => Describe("forward", "<asset> <expiry> <price>", "an underlying's forward for one expiry (Black-76 F)",
            [new("<asset>", "underlying asset code, e.g. BTC"), new("<expiry>", "the exact expiry instant, ISO 8601, e.g. 2026-12-25T08:00:00Z"), new("<price>", "USD per unit, > 0")],
            "grid price forward BTC 2026-12-25T08:00:00Z 61500"),
        PriceKind.Rate => Describe("rate", "<rate>", "the risk-free rate of equity and index options, continuous, as a fraction",
            [new("<rate>", "annual rate as a fraction, in [-0.5, 1], e.g. 0.04")], "grid price rate 0.043"),
        PriceKind.Dividend => Describe("dividend", "<asset> <yield>", "a dividend yield of an equity or index underlying, continuous, as a fraction",
            [new("<asset>", "underlying asset code, e.g. SPX"), new("<yield>", "annual yield as a fraction, in [-1, 1], e.g. 0.013")], "grid price dividend SPX 0.013"),
        PriceKind.RiskArray => Describe("risk-array", "<instrument> <v1> … <v16>", "a clearing house's SPAN risk array for a span future (and its delta)",
            [new("<instrument>", "span future id"), new("<v1> … <v16>", "the 16 scenario values in SPAN order, USD per underlying unit, gain positive")],
            "grid price risk-array ES-SPAN -80 -70 -60 -50 -40 -30 -20 -10 0 10 20 30 40 50 60 70 --delta 0.98", Delta),
        PriceKind.SpanDelta => Describe("span-delta", "<instrument> <delta>", "the delta published with a span future's risk array",
            [new("<instrument>", "span future id"), new("<delta>", "USD per underlying unit, signed")], "grid price span-delta ES-SPAN 0.98"),
        _ => Describe("open-interest", "<instrument> <contracts>", "an instrument's open interest (dYdX-style STD margin scales with it)",
            [new("<instrument>", "instrument id"), new("<contracts>", "contracts open, ≥ 0")], "grid price open-interest ETH-PERP 125000"),
    };

    private static CommandSpec Describe(string word, string arguments, string summary, IReadOnlyList<ParameterSpec> parameters, string example, OptionSpec? extra = null) => new()
    {
        Name = "price " + word,
        Role = "marketdata",
        Summary = "publish " + summary,
        Usage = $"price {word} {arguments}{(extra is null ? "" : $" [--{extra.Name} {extra.ValueName}]")} [--observed-at INSTANT]",
        Parameters = parameters,
        Options = extra is null ? [ObservedAt] : [extra, ObservedAt],
        Examples = [example],
    };
}

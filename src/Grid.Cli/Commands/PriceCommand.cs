using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Text;

namespace Grid.Cli.Commands;

/// <summary>
/// <c>grid price index|mark|vol|forward</c>: MarketData.PublishOnce with one update observed now
/// (or at <c>--observed-at</c>). The batch sequence is the send time in nanoseconds, which keeps
/// increasing across runs as market_data.proto asks.
/// </summary>
internal sealed class PriceCommand : ICommand
{
    private static readonly OptionSpec ObservedAt = new(
        "observed-at", "INSTANT", "when the source observed the price, ISO 8601 with offset (default: now)");

    private readonly PriceKind _kind;

    /// <summary>The command that publishes one <paramref name="kind"/> of price.</summary>
    public PriceCommand(PriceKind kind)
    {
        _kind = kind;
        Spec = kind switch
        {
            PriceKind.Index => Describe("index", "<asset> <price>", "an asset's index price in USD per unit",
                [new("<asset>", "asset code, e.g. BTC"), new("<price>", "USD per unit, > 0")], "grid price index BTC 61250.5"),
            PriceKind.Mark => Describe("mark", "<instrument> <price>", "an instrument's mark price (not options: their marks are computed)",
                [new("<instrument>", "instrument id, e.g. BTC-PERP"), new("<price>", "mark in quote units, > 0")], "grid price mark BTC-PERP 61200"),
            PriceKind.Vol => Describe("vol", "<instrument> <vol>", "an option's implied vol as a fraction (0.55 for 55%)",
                [new("<instrument>", "option id, e.g. BTC-261225-60000-C"), new("<vol>", "annualised vol as a fraction, > 0")], "grid price vol BTC-261225-60000-C 0.58"),
            _ => Describe("forward", "<asset> <expiry> <price>", "an underlying's forward for one expiry (Black-76 F)",
                [new("<asset>", "underlying asset code, e.g. BTC"), new("<expiry>", "the exact expiry instant, ISO 8601, e.g. 2026-12-25T08:00:00Z"), new("<price>", "USD per unit, > 0")],
                "grid price forward BTC 2026-12-25T08:00:00Z 61500"),
        };
    }

    /// <inheritdoc />
    public CommandSpec Spec { get; }

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        var update = new PriceUpdate
        {
            ObservedAt = args.Option(ObservedAt.Name) is { } at
                ? ArgumentValue.Instant(at, "--" + ObservedAt.Name)
                : Timestamp.FromDateTimeOffset(invocation.Clock.GetUtcNow()),
        };
        switch (_kind)
        {
            case PriceKind.Index:
                args.AtMost(2);
                update.Index = new IndexPrice { Asset = args.Required(0, "<asset>"), Price = args.Positive(1, "<price>") };
                break;
            case PriceKind.Mark:
                args.AtMost(2);
                update.Mark = new MarkPrice { InstrumentId = args.Required(0, "<instrument>"), Price = args.Positive(1, "<price>") };
                break;
            case PriceKind.Vol:
                args.AtMost(2);
                update.Vol = new ImpliedVol { InstrumentId = args.Required(0, "<instrument>"), Vol = args.Positive(1, "<vol>") };
                break;
            default:
                args.AtMost(3);
                update.Forward = new ForwardPrice
                {
                    Underlying = args.Required(0, "<asset>"),
                    Expiry = ArgumentValue.Instant(args.Required(1, "<expiry>"), "<expiry>"),
                    Price = args.Positive(2, "<price>"),
                };
                break;
        }

        var batch = new PriceBatch { Sequence = Sequence(invocation.Clock.GetUtcNow()), Updates = { update } };
        var ack = await invocation.Grid.MarketData.PublishOnceAsync(batch, invocation.Unary);
        invocation.Print(ack, Write);
        return ack.Rejected.Count == 0 ? ExitCode.Ok : ExitCode.Failed;
    }

    /// <summary>The batch sequence for a send at <paramref name="now"/>: nanoseconds since the Unix epoch.</summary>
    public static ulong Sequence(DateTimeOffset now) => (ulong)(now - DateTimeOffset.UnixEpoch).Ticks * 100UL;

    private static void Write(PublishAck ack, TextWriter writer)
    {
        var state = ack.Duplicate ? "duplicate batch, nothing applied" : $"applied {ack.Accepted}, stale {ack.Stale}";
        writer.WriteLine($"batch {ack.Sequence.ToString(CultureInfo.InvariantCulture)}: {state}");
        if (ack.Stale > 0)
        {
            writer.WriteLine("stale: the grid holds a newer observation of this price; nothing changed");
        }

        foreach (var rejected in ack.Rejected)
        {
            var e = rejected.Error ?? new ErrorDetail();
            var field = e.Field.Length > 0 ? $" ({e.Field})" : "";
            writer.WriteLine($"refused: {EnumText.Format(e.Code)}{field}: {e.Message}");
        }
    }

    private static CommandSpec Describe(string word, string arguments, string summary, IReadOnlyList<ParameterSpec> parameters, string example) => new()
    {
        Name = "price " + word,
        Role = "marketdata",
        Summary = "publish " + summary,
        Usage = $"price {word} {arguments} [--observed-at INSTANT]",
        Parameters = parameters,
        Options = [ObservedAt],
        Examples = [example],
    };
}

using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Text;

namespace Grid.Cli.Commands;

/// <summary>
/// <c>grid price index|mark|vol|forward|rate|dividend|risk-array|span-delta|open-interest</c>:
/// MarketData.PublishOnce with one update (a risk array with <c>--delta</c>: two, one market step)
/// observed now or at <c>--observed-at</c>. The batch sequence is the send time in nanoseconds,
/// which keeps increasing across runs as market_data.proto asks.
/// </summary>
internal sealed class PriceCommand(PriceKind kind) : ICommand
{
    /// <summary>Scenarios of a SPAN risk array.</summary>
    private const int Scenarios = 16;

    /// <inheritdoc />
    public CommandSpec Spec { get; } = PriceSpecs.Of(kind);

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        var observedAt = args.Option(PriceSpecs.ObservedAt.Name) is { } at
            ? ArgumentValue.Instant(at, "--" + PriceSpecs.ObservedAt.Name)
            : Timestamp.FromDateTimeOffset(invocation.Clock.GetUtcNow());
        var batch = new PriceBatch { Sequence = Sequence(invocation.Clock.GetUtcNow()) };
        foreach (var update in Updates(args))
        {
            update.ObservedAt = observedAt;
            batch.Updates.Add(update);
        }

        var ack = await invocation.Grid.MarketData.PublishOnceAsync(batch, invocation.Unary);
        invocation.Print(ack, Write);
        return ack.Rejected.Count == 0 ? ExitCode.Ok : ExitCode.Failed;
    }

    /// <summary>The batch sequence for a send at <paramref name="now"/>: nanoseconds since the Unix epoch.</summary>
    public static ulong Sequence(DateTimeOffset now) => (ulong)(now - DateTimeOffset.UnixEpoch).Ticks * 100UL;

    private IEnumerable<PriceUpdate> Updates(Arguments args)
    {
        switch (kind)
        {
            case PriceKind.Index:
                args.AtMost(2);
                yield return new PriceUpdate { Index = new IndexPrice { Asset = args.Required(0, "<asset>"), Price = args.Positive(1, "<price>") } };
                break;
            case PriceKind.Mark:
                args.AtMost(2);
                yield return new PriceUpdate { Mark = new MarkPrice { InstrumentId = args.Required(0, "<instrument>"), Price = args.Positive(1, "<price>") } };
                break;
            case PriceKind.Vol:
                args.AtMost(2);
                yield return new PriceUpdate { Vol = new ImpliedVol { InstrumentId = args.Required(0, "<instrument>"), Vol = args.Positive(1, "<vol>") } };
                break;
            case PriceKind.Forward:
                args.AtMost(3);
                yield return new PriceUpdate
                {
                    Forward = new ForwardPrice
                    {
                        Underlying = args.Required(0, "<asset>"),
                        Expiry = ArgumentValue.Instant(args.Required(1, "<expiry>"), "<expiry>"),
                        Price = args.Positive(2, "<price>"),
                    },
                };
                break;
            case PriceKind.Rate:
                args.AtMost(1);
                yield return new PriceUpdate { Rate = new RiskFreeRate { Rate = Signed(args, 0, "<rate>") } };
                break;
            case PriceKind.Dividend:
                args.AtMost(2);
                yield return new PriceUpdate { DividendYield = new DividendYield { Asset = args.Required(0, "<asset>"), Yield = Signed(args, 1, "<yield>") } };
                break;
            case PriceKind.RiskArray:
                args.AtMost(1 + Scenarios);
                var instrument = args.Required(0, "<instrument>");
                if (args.Positionals.Count != 1 + Scenarios)
                {
                    throw new UsageException($"a risk array has {Scenarios} values, got {args.Positionals.Count - 1}");
                }

                var array = new RiskArray { InstrumentId = instrument };
                array.Scenarios.Add(Enumerable.Range(1, Scenarios).Select(i => Signed(args, i, $"<v{i}>")));
                yield return new PriceUpdate { RiskArray = array };
                if (args.Option(PriceSpecs.Delta.Name) is { } delta)
                {
                    var value = DecimalText.ToProto(ArgumentValue.Number(delta, "--" + PriceSpecs.Delta.Name));
                    yield return new PriceUpdate { SpanDelta = new SpanDelta { InstrumentId = instrument, Delta = value } };
                }

                break;
            case PriceKind.SpanDelta:
                args.AtMost(2);
                yield return new PriceUpdate { SpanDelta = new SpanDelta { InstrumentId = args.Required(0, "<instrument>"), Delta = Signed(args, 1, "<delta>") } };
                break;
            default:
                args.AtMost(2);
                var contracts = ArgumentValue.Number(args.Required(1, "<contracts>"), "<contracts>");
                yield return new PriceUpdate
                {
                    OpenInterest = new OpenInterest
                    {
                        InstrumentId = args.Required(0, "<instrument>"),
                        Contracts = contracts >= 0 ? DecimalText.ToProto(contracts) : throw new UsageException($"<contracts> must not be negative, got {args.Required(1, "<contracts>")}"),
                    },
                };
                break;
        }
    }

    private static Api.V1.Decimal Signed(Arguments args, int index, string name) => DecimalText.ToProto(ArgumentValue.Number(args.Required(index, name), name));

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
}

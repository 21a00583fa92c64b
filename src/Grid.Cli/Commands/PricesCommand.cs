using System.Globalization;
using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Text;

namespace Grid.Cli.Commands;

/// <summary><c>grid prices</c>: MarketData.Subscribe, a line per price (current values first, then changes).</summary>
internal sealed class PricesCommand : ICommand
{
    private static readonly OptionSpec Group = new("group", "GROUP", "only this risk group, e.g. BTC; repeat for more", Repeatable: true);

    private static readonly OptionSpec Instrument = new("instrument", "ID", "only this instrument (and its underlying); repeat for more", Repeatable: true);

    private const string LineFormat = "{0,-13} {1,-10} {2,-24} {3,20}  {4}";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "prices",
        Summary = "stream prices (current values first, then each change) until Ctrl+C",
        Usage = "prices [--group GROUP ...] [--instrument ID ...] [--count N]",
        Notes =
        [
            "Without --group or --instrument, every price. Marks, vols, risk arrays, span deltas and open interest of the",
            "instruments; index, forwards and dividend yields of their underlyings; the rate. A slow reader gets the newest",
            "value of each. With --json, one object per line.",
        ],
        Options = [Group, Instrument, WatchCommand.Count],
        Examples = ["grid prices --group BTC", "grid prices --instrument ETH-PERP --count 5"],
        Role = "trader",
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(0);
        var request = new SubscribeMarketRequest();
        request.Groups.AddRange(args.Options(Group.Name));
        request.InstrumentIds.AddRange(args.Options(Instrument.Name));
        var count = WatchCommand.CountOf(args);
        var call = invocation.Grid.MarketData.Subscribe(request, invocation.Stream);
        var writer = invocation.Output;
        if (!invocation.Json)
        {
            writer.WriteLine(Line("observed", "kind", "key", "value", ""));
        }

        return await ServerStream.ReadAsync(call, count, invocation.Cancellation, u =>
        {
            if (invocation.Json)
            {
                invocation.WriteJsonLine(u);
                return;
            }

            var (kind, key, value, note) = u.KindCase switch
            {
                PriceUpdate.KindOneofCase.Index => ("index", u.Index.Asset, DecimalText.Money(u.Index.Price), ""),
                PriceUpdate.KindOneofCase.Mark => ("mark", u.Mark.InstrumentId, DecimalText.Money(u.Mark.Price), ""),
                PriceUpdate.KindOneofCase.Forward => ("forward", u.Forward.Underlying, DecimalText.Money(u.Forward.Price), "expiry " + TimeText.Instant(u.Forward.Expiry)),
                PriceUpdate.KindOneofCase.Vol => ("vol", u.Vol.InstrumentId, DecimalText.Plain(u.Vol.Vol), ""),
                PriceUpdate.KindOneofCase.Rate => ("rate", "", DecimalText.Plain(u.Rate.Rate), ""),
                PriceUpdate.KindOneofCase.DividendYield => ("dividend", u.DividendYield.Asset, DecimalText.Plain(u.DividendYield.Yield), ""),
                PriceUpdate.KindOneofCase.RiskArray => ("risk-array", u.RiskArray.InstrumentId, "", string.Join(' ', u.RiskArray.Scenarios.Select(DecimalText.Plain))),
                PriceUpdate.KindOneofCase.SpanDelta => ("span-delta", u.SpanDelta.InstrumentId, DecimalText.Plain(u.SpanDelta.Delta), ""),
                PriceUpdate.KindOneofCase.OpenInterest => ("open-int", u.OpenInterest.InstrumentId, DecimalText.Plain(u.OpenInterest.Contracts), ""),
                _ => ("?", "", "", ""),
            };
            writer.WriteLine(Line(TimeText.TimeOfDay(u.ObservedAt), kind, key, value, note));
        });
    }

    private static string Line(params object[] cells) => string.Format(CultureInfo.InvariantCulture, LineFormat, cells).TrimEnd();
}

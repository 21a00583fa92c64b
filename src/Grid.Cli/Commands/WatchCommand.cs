using System.Globalization;
using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Text;

namespace Grid.Cli.Commands;

/// <summary><c>grid watch</c>: Accounts.Watch, a line per change of the account's figures.</summary>
internal sealed class WatchCommand : ICommand
{
    /// <summary><c>--count N</c>, shared with events.</summary>
    public static readonly OptionSpec Count = new("count", "N", "stop after N messages (default: until Ctrl+C or the server ends the stream)");

    private const string LineFormat = "{0,-13} {1,6}  {2,-12} {3,16} {4,16} {5,16} {6,16}  {7}";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Role = "engine",
        Name = "watch",
        Summary = "stream an account's figures: a line per change until Ctrl+C",
        Usage = "watch <account> [--count N]",
        Notes =
        [
            "The first line is the current state. Under load the server skips intermediate snapshots,",
            "which shows as a gap in seq. With --json, one JSON object per line.",
        ],
        Parameters = [new("<account>", "the account, e.g. demo-margin-call")],
        Options = [Count],
        Examples = ["grid watch demo-margin-call", "grid watch demo-mm --count 1 --json"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(1);
        var request = new WatchAccountRequest { AccountId = args.Required(0, "<account>") };
        var count = CountOf(args);
        var call = invocation.Grid.Accounts.Watch(request, invocation.Stream);
        var writer = invocation.Output;
        if (!invocation.Json)
        {
            writer.WriteLine(Line("time", "seq", "state", "equity", "IM", "MM", "available", "cause"));
        }

        return await ServerStream.ReadAsync(call, count, invocation.Cancellation, update =>
        {
            if (invocation.Json)
            {
                invocation.WriteJsonLine(update);
                return;
            }

            var f = update.BuyingPower ?? new BuyingPower();
            writer.WriteLine(Line(
                TimeText.TimeOfDay(f.AsOf), update.Sequence.ToString(CultureInfo.InvariantCulture),
                EnumText.Format(f.State), DecimalText.Money(f.Equity), DecimalText.Money(f.InitialMargin),
                DecimalText.Money(f.MaintenanceMargin), DecimalText.Money(f.Available), update.Cause));
        });
    }

    /// <summary>The <c>--count</c> given, or null.</summary>
    public static int? CountOf(Arguments args) =>
        args.Option(Count.Name) is { } text ? ArgumentValue.Count(text, "--" + Count.Name) : null;

    private static string Line(params object[] cells) =>
        string.Format(CultureInfo.InvariantCulture, LineFormat, cells).TrimEnd();
}

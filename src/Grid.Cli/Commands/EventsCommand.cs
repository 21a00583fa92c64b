using System.Globalization;
using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Text;

namespace Grid.Cli.Commands;

/// <summary><c>grid events</c>: RiskEvents.Subscribe, a line per margin-state event.</summary>
internal sealed class EventsCommand : ICommand
{
    /// <summary><c>--state</c>, shared with accounts.</summary>
    public static readonly OptionSpec State = new(
        "state", "STATE", $"only these states: {EnumText.Choices<AccountState>()}; repeat or comma-separate", Repeatable: true);

    private static readonly OptionSpec Positions = new("positions", null, "also print each account's positions under its event");
    private static readonly OptionSpec House = new("house", null, "also print house events: a stress scenario's coverage of the guarantee fund crossing 1");

    private const string LineFormat = "{0,-13} {1,6}  {2,-18} {3,-24} {4,16} {5,16} {6,16} {7,16}  {8}";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "events",
        Summary = "stream margin-state events (snapshot first, then changes) until Ctrl+C",
        Usage = "events [--state STATE ...] [--positions] [--house] [--count N]",
        Notes =
        [
            "Starts with one event per account in a watched state, then one per change; accounts in",
            "LIQUIDATE or BANKRUPT also report each change of their figures. With --json, one object per line.",
        ],
        Options = [State, Positions, House, WatchCommand.Count],
        Examples = ["grid events", "grid events --state reduce-only --state liquidate --positions", "grid events --house"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(0);
        var request = new SubscribeRiskEventsRequest { IncludePositions = args.Has(Positions.Name), IncludeHouse = args.Has(House.Name) };
        request.States.AddRange(ArgumentValue.Choices<AccountState>(args.Options(State.Name), "--" + State.Name));
        var count = WatchCommand.CountOf(args);
        var call = invocation.Grid.RiskEvents.Subscribe(request, invocation.Stream);
        var writer = invocation.Output;
        if (!invocation.Json)
        {
            writer.WriteLine(Line("time", "seq", "account", "state", "equity", "IM", "MM", "shortfall", "cause"));
        }

        return await ServerStream.ReadAsync(call, count, invocation.Cancellation, e =>
        {
            if (invocation.Json)
            {
                invocation.WriteJsonLine(e);
                return;
            }

            if (e.House is { } house)
            {
                var uncovered = house.Scenarios.Where(s => !s.Covered).Select(s => s.Scenario).ToList();
                writer.WriteLine(Line(TimeText.TimeOfDay(e.At), e.Sequence.ToString(CultureInfo.InvariantCulture), "(house)", "", "", "", "", "",
                    uncovered.Count == 0 ? "the guarantee fund covers Cover-2 in every scenario again" : $"the guarantee fund does not cover Cover-2 in: {string.Join(", ", uncovered)}"));
                return;
            }

            writer.WriteLine(Line(
                TimeText.TimeOfDay(e.At), e.Sequence.ToString(CultureInfo.InvariantCulture), e.AccountId, Transition(e),
                DecimalText.Money(e.Equity), DecimalText.Money(e.InitialMargin), DecimalText.Money(e.MaintenanceMargin),
                DecimalText.Money(e.Shortfall), e.Cause));
            foreach (var p in e.Positions)
            {
                writer.WriteLine($"    {p.InstrumentId}  qty {DecimalText.Plain(p.Qty)}  value {DecimalText.Money(p.Value)}");
            }
        });
    }

    /// <summary>"OK -> REDUCE_ONLY" for a change of state, the state alone otherwise.</summary>
    public static string Transition(RiskEvent e) =>
        e.PreviousState == e.State
            ? EnumText.Format(e.State)
            : $"{EnumText.Format(e.PreviousState)} -> {EnumText.Format(e.State)}";

    private static string Line(params object[] cells) => string.Format(CultureInfo.InvariantCulture, LineFormat, cells).TrimEnd();
}

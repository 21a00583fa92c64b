using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid stress</c>: the house stress and Cover-2 (Admin.GetHouseRisk, or Admin.RunHouseRisk with --run).</summary>
internal sealed class StressCommand : ICommand
{
    private static readonly OptionSpec Run = new("run", null, "run the house stress across the cluster now instead of showing the latest run");
    private static readonly OptionSpec AllTops = new("all-tops", null, "list the top accounts of every scenario (default: the worst one's)");

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "stress",
        Summary = "house stress over every account: per scenario the total P&L and deficit, Cover-1, Cover-2 against the fund",
        Usage = "stress [--run] [--all-tops]",
        Notes =
        [
            "Rulebook §5.3 and §5.4. The grid runs it every 60 s and after every rulebook load; without --run the latest run is shown.",
            "Each silo values the accounts it monitors; 'market as of' shows a range when silos valued at different instants.",
        ],
        Options = [Run, AllTops],
        Examples = ["grid stress", "grid stress --run --all-tops", "grid stress --json"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(0);
        var admin = invocation.Grid.Admin;
        var run = args.Has(Run.Name)
            ? await admin.RunHouseRiskAsync(new RunHouseRiskRequest(), invocation.Unary)
            : await admin.GetHouseRiskAsync(new GetHouseRiskRequest(), invocation.Unary);
        invocation.Print(run, (r, w) => HouseRiskText.Write(r, w, args.Has(AllTops.Name)));
        return ExitCode.Ok;
    }
}

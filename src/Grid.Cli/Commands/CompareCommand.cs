using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Commands;

/// <summary><c>grid compare</c>: Accounts.CompareRegimes, siloed versus cross-margined.</summary>
internal sealed class CompareCommand : ICommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Role = "engine",
        Name = "compare",
        Summary = "the account's positions margined siloed versus cross-margined under PM",
        Usage = "compare <account>",
        Notes = ["Positions only; resting orders are ignored. Money in USD."],
        Parameters = [new("<account>", "the account, e.g. demo-hedged")],
        Examples = ["grid compare demo-hedged"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(1);
        var request = new CompareRegimesRequest { AccountId = args.Required(0, "<account>") };
        var comparison = await invocation.Grid.Accounts.CompareRegimesAsync(request, invocation.Unary);
        invocation.Print(comparison, Write);
        return ExitCode.Ok;
    }

    private static void Write(RegimeComparison comparison, TextWriter writer)
    {
        if (comparison.Silos.Count > 0)
        {
            var silos = new Table(TableColumn.Left("silo"), TableColumn.Left("regime"), TableColumn.Right("requirement"));
            foreach (var silo in comparison.Silos)
            {
                silos.Add(silo.Name, EnumText.Format(silo.Regime), DecimalText.Money(silo.Requirement));
            }

            silos.WriteTo(writer);
            writer.WriteLine();
        }

        Table.Pairs()
            .Add("siloed total", DecimalText.Money(comparison.SiloedTotal))
            .Add("cross total (PM)", DecimalText.Money(comparison.CrossTotal))
            .Add("saving", DecimalText.Money(comparison.SavingUsd))
            .Add("saving %", DecimalText.Percent(comparison.SavingPct))
            .WriteTo(writer);
        writer.WriteLine($"as of {TimeText.Instant(comparison.AsOf)}");
    }
}

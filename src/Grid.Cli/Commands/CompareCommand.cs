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
        Notes = ["Positions only; resting orders are ignored (the credits without which IM is recomputed include them). Money in USD."],
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
        if (comparison.Dependency is { } d)
        {
            writer.WriteLine();
            writer.WriteLine("without the inter-group credits (Rulebook §5.4):");
            if (d.Credits.Count > 0)
            {
                var pairs = new Table(TableColumn.Left("pair"), TableColumn.Right("credit"), TableColumn.Right("credit (positions)")) { Indent = "  " };
                foreach (var p in d.Credits)
                {
                    pairs.Add($"{p.GroupA}/{p.GroupB}", DecimalText.Money(p.Credit), DecimalText.Money(p.CreditPositions));
                }

                pairs.WriteTo(writer);
            }

            Table.Pairs("  ")
                .Add("IM", $"{DecimalText.Money(d.InitialMargin)} -> {DecimalText.Money(d.InitialMarginWithoutCredits)}")
                .Add("MM", $"{DecimalText.Money(d.MaintenanceMargin)} -> {DecimalText.Money(d.MaintenanceMarginWithoutCredits)}")
                .Add("state", $"{EnumText.Format(d.State)} -> {EnumText.Format(d.StateWithoutCredits)}")
                .Add("margin called", DecimalText.Money(d.CalledMargin))
                .WriteTo(writer);
        }
    }
}

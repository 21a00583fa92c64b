using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Views;

/// <summary>
/// A simulated portfolio (<see cref="SimulateResponse"/>): what it was margined against, the breakdown (headline
/// figures, groups, STD lines, collateral, credits by pair), then the candidate order and the figures asked.
/// </summary>
internal static class SimulationView
{
    public static void Write(SimulateResponse response, TextWriter writer)
    {
        var figures = response.BuyingPower;
        var basis = response.Basis;
        writer.WriteLine($"simulated portfolio  regime {EnumText.Format(figures.Regime)}  state {EnumText.Format(figures.State)} (positions only {EnumText.Format(figures.StatePositionsOnly)})");
        writer.WriteLine($"rulebook {figures.RulebookVersion} ({Source(basis?.Rulebook)})  instruments ({Source(basis?.Instruments)})  market as of {TimeText.Instant(figures.AsOf)} ({Source(basis?.Market)})");
        writer.WriteLine();
        Table.Pairs()
            .Add("equity", DecimalText.Money(figures.Equity))
            .Add("  collateral", DecimalText.Money(figures.CollateralValue))
            .Add("  derivatives", DecimalText.Money(figures.DerivativeValue))
            .Add("initial margin", DecimalText.Money(figures.InitialMargin))
            .Add("  positions only", DecimalText.Money(figures.InitialMarginPositions))
            .Add("  credits granted", DecimalText.Money(figures.CreditTotal))
            .Add("maintenance margin", DecimalText.Money(figures.MaintenanceMargin))
            .Add("order costs", DecimalText.Money(figures.OrderCosts))
            .Add("available", DecimalText.Money(figures.Available))
            .Add("excess", DecimalText.Money(figures.Excess))
            .Add("health", DecimalText.Money(figures.Health))
            .Add("liquidation end", DecimalText.Money(figures.LiquidationEnd))
            .WriteTo(writer);
        if (figures.Groups.Count > 0)
        {
            writer.WriteLine();
            GroupRiskView.Write(figures.Groups, writer);
        }

        if (figures.Collateral.Count > 0)
        {
            writer.WriteLine();
            CollateralView.Write(figures.Collateral, writer);
        }

        if (response.Credits.Count > 0)
        {
            writer.WriteLine();
            var credits = new Table(TableColumn.Left("credit pair"), TableColumn.Right("matched delta"), TableColumn.Right("credit"));
            foreach (var c in response.Credits)
            {
                credits.Add($"{c.GroupA}/{c.GroupB}", DecimalText.Money(c.MatchedDelta), DecimalText.Money(c.Credit));
            }

            credits.WriteTo(writer);
        }

        SimulationExtrasView.Write(response, writer);
    }

    private static string Source(SimulatedSource? source) => source == SimulatedSource.Request ? "given" : "live";
}

using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Views;

/// <summary>
/// An account's margin figures (<see cref="BuyingPower"/>): the headline, the headline figures,
/// one line per risk group, the STD requirement lines when there are any, and the collateral.
/// </summary>
internal static class BuyingPowerView
{
    /// <summary>Writes the full view.</summary>
    public static void Write(BuyingPower figures, TextWriter writer)
    {
        var frozen = figures.Frozen ? "  FROZEN" : "";
        writer.WriteLine($"account {figures.AccountId}  regime {EnumText.Format(figures.Regime)}  state {EnumText.Format(figures.State)} (positions only {EnumText.Format(figures.StatePositionsOnly)}){frozen}");
        writer.WriteLine($"rulebook {Or(figures.RulebookVersion)}  as of {TimeText.Instant(figures.AsOf)}");
        writer.WriteLine();
        WriteFigures(figures, writer);
    }

    /// <summary>The figures, their groups and collateral lines: what an account and a simulated portfolio show alike.</summary>
    public static void WriteFigures(BuyingPower figures, TextWriter writer)
    {
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
    }

    /// <summary>The headline figures on one line, for commands whose main answer is something else.</summary>
    public static void WriteSummary(BuyingPower figures, TextWriter writer) =>
        writer.WriteLine(
            $"account {figures.AccountId}: state {EnumText.Format(figures.State)}, equity {DecimalText.Money(figures.Equity)}, " +
            $"IM {DecimalText.Money(figures.InitialMargin)}, MM {DecimalText.Money(figures.MaintenanceMargin)}, " +
            $"available {DecimalText.Money(figures.Available)}");

    private static string Or(string text) => text.Length > 0 ? text : DecimalText.Unset;
}

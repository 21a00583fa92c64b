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
        BuyingPowerView.WriteFigures(figures, writer);

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

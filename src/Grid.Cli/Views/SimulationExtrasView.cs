using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Views;

/// <summary>The parts of a simulation beyond the breakdown: the candidate order, siloed vs cross, stress, and the figures without credits.</summary>
internal static class SimulationExtrasView
{
    public static void Write(SimulateResponse response, TextWriter writer)
    {
        if (response.OrderDecision is { } decision)
        {
            writer.WriteLine();
            var why = response.OrderFigures?.Explanation is { Length: > 0 } text ? $" ({text})" : "";
            var label = decision.ClientOrderId.Length > 0 ? $"order {decision.ClientOrderId}" : "order";
            writer.WriteLine($"{label}: {DecisionView.Verdict(decision)}{why}");
            Table.Pairs("  ")
                .Add("shortfall", DecimalText.Money(decision.Shortfall))
                .Add("IM before", DecimalText.Money(decision.InitialMarginBefore))
                .Add("IM after", DecimalText.Money(decision.InitialMarginAfter))
                .Add("available after", DecimalText.Money(decision.AvailableAfter))
                .Add("equity after costs", DecimalText.Money(decision.Equity))
                .Add("MM after fill", DecimalText.Money(decision.MaintenanceAfter))
                .Add("order cost", DecimalText.Money(response.OrderFigures?.OrderCost))
                .Add("max size", response.MaxOrderSize is { } max ? DecimalText.Plain(max.Qty) + (max.Capped ? " (capped)" : "") : DecimalText.Unset)
                .WriteTo(writer);
        }

        if (response.Regimes is { } regimes)
        {
            writer.WriteLine();
            var silos = new Table(TableColumn.Left("silo"), TableColumn.Left("regime"), TableColumn.Right("requirement"));
            foreach (var silo in regimes.Silos)
            {
                silos.Add(silo.Name, EnumText.Format(silo.Regime), DecimalText.Money(silo.Requirement));
            }

            silos.Add("siloed total", "", DecimalText.Money(regimes.SiloedTotal));
            silos.Add("cross-margined (PM)", "", DecimalText.Money(regimes.CrossTotal));
            silos.Add("saving", "", $"{DecimalText.Money(regimes.SavingUsd)} ({DecimalText.Percent(Round(regimes.SavingPct))})");
            silos.WriteTo(writer);
        }

        if (response.Stress.Count > 0)
        {
            writer.WriteLine();
            var stress = new Table(
                TableColumn.Left("stress scenario"), TableColumn.Right("AE"), TableColumn.Right("AE'"), TableColumn.Right("P&L"),
                TableColumn.Right("deficit"), TableColumn.Right("IMs consumed"));
            foreach (var s in response.Stress)
            {
                stress.Add(s.Scenario, DecimalText.Money(s.Equity), DecimalText.Money(s.StressedEquity), DecimalText.Money(s.Pnl), DecimalText.Money(s.Deficit), DecimalText.Money(Round(s.Coverage)));
            }

            stress.WriteTo(writer);
        }

        else if (response.BuyingPower is not null && response.Basis is not null)
        {
            writer.WriteLine();
            writer.WriteLine("stress: the rulebook in use has no stress scenarios");
        }

        if (response.CreditDependency is { } d)
        {
            writer.WriteLine();
            var leaves = d.LeavesOk ? $": leaves OK, {DecimalText.Money(d.CalledMargin)} would be called" : "";
            writer.WriteLine($"without credits: IM {DecimalText.Money(d.InitialMarginWithoutCredits)}, MM {DecimalText.Money(d.MaintenanceWithoutCredits)}, state {EnumText.Format(d.StateWithoutCredits)}{leaves}");
        }
    }

    // Ratios on the wire keep fifteen digits; two places are enough to read.
    private static Api.V1.Decimal? Round(Api.V1.Decimal? value) => value is null ? null : DecimalText.ToProto(Math.Round(DecimalText.FromProto(value), 2));
}

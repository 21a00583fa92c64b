using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Views;

/// <summary>A pre-trade decision (<see cref="OrderDecision"/>): the verdict first, then the margin figures.</summary>
internal static class DecisionView
{
    /// <summary>Writes one decision as a block of labelled figures.</summary>
    public static void Write(OrderDecision decision, TextWriter writer)
    {
        var replayed = decision.Replayed ? " (replayed: the stored decision of an earlier check)" : "";
        writer.WriteLine($"{Verdict(decision)}{replayed}");
        Table.Pairs()
            .Add("account", decision.AccountId)
            .Add("order id", decision.ClientOrderId)
            .Add("state before", EnumText.Format(decision.AccountState))
            .Add("shortfall", DecimalText.Money(decision.Shortfall))
            .Add("IM before", DecimalText.Money(decision.InitialMarginBefore))
            .Add("IM after", DecimalText.Money(decision.InitialMarginAfter))
            .Add("available after", DecimalText.Money(decision.AvailableAfter))
            .Add("equity after costs", DecimalText.Money(decision.Equity))
            .Add("MM after fill", DecimalText.Money(decision.MaintenanceAfter))
            .WriteTo(writer);
    }

    /// <summary>"ACCEPT", or "REJECT: INSUFFICIENT_MARGIN".</summary>
    public static string Verdict(OrderDecision decision) =>
        decision.RejectReason == RejectReason.Unspecified
            ? EnumText.Format(decision.Decision)
            : $"{EnumText.Format(decision.Decision)}: {EnumText.Format(decision.RejectReason)}";
}

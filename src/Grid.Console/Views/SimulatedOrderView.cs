namespace Grid.Console.Views;

/// <summary>A candidate order decided on the simulated portfolio, with its figures and the largest size that passes.</summary>
internal sealed record SimulatedOrderView(
    string InstrumentId,
    string Side,
    decimal Qty,
    decimal Price,
    string Decision,
    string Reason,
    string ReasonLabel,
    string Explanation,
    decimal Shortfall,
    decimal ImBefore,
    decimal ImAfter,
    decimal AvailableAfter,
    decimal MmAfter,
    decimal MaxQty);

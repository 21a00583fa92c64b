namespace Grid.Console.Views;

/// <summary>A net position and its value in USD.</summary>
internal sealed record PositionRow(string InstrumentId, decimal Qty, decimal Entry, decimal Funding, decimal Value);

namespace Grid.Console.Views;

/// <summary>An asset's index price.</summary>
internal sealed record IndexRow(string Asset, decimal Price, DateTimeOffset At);

namespace Grid.Console.Views;

/// <summary>One silo's part of a house run.</summary>
internal sealed record SiloRow(string Silo, long Accounts, DateTimeOffset MarketAsOf, double Milliseconds);

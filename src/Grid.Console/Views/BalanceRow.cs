namespace Grid.Console.Views;

/// <summary>A balance and its collateral value after haircuts, in USD.</summary>
internal sealed record BalanceRow(string Asset, decimal Balance, decimal Value);

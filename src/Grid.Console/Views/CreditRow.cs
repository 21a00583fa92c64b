namespace Grid.Console.Views;

/// <summary>One inter-group credit granted: the pair and the USD it takes off the IM.</summary>
internal sealed record CreditRow(string Pair, decimal Credit);

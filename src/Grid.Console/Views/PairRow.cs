namespace Grid.Console.Views;

/// <summary>Credits granted on one pair of groups, order-inclusive and positions-only.</summary>
internal sealed record PairRow(string Pair, double Credit, double CreditPositions);

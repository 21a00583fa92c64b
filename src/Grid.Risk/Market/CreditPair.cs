namespace Grid.Risk.Market;

/// <summary>A credit rule resolved to group indexes.</summary>
public readonly record struct CreditPair(int A, int B, double Rate, double Ratio);

namespace Grid.Risk.Margin;

/// <summary>One inter-group credit granted (Rulebook §3.5).</summary>
/// <param name="GroupA">First leg.</param>
/// <param name="GroupB">Second leg.</param>
/// <param name="Spreads">Delta n matched between the legs (USD of A).</param>
/// <param name="WprA">Scan/|Δ| of A.</param>
/// <param name="WprB">Scan/|Δ| of B.</param>
/// <param name="Credit">Credit in USD after the cap.</param>
public sealed record CreditLine(string GroupA, string GroupB, double Spreads, double WprA, double WprB, double Credit);

namespace Grid.Risk.Stress;

/// <summary>One instrument's inputs to AE on a (possibly shocked) market, per contract.</summary>
/// <param name="Mark">Delta-one or SPAN mark X′ (uPnL of perps and futures).</param>
/// <param name="UnderlyingPrice">Index P′ of the underlying (inverse contracts convert coin to USD with it).</param>
/// <param name="Value">Option value per contract in USD (Black-76 at F′, σ′); 0 for delta-one.</param>
/// <param name="FundingPrice">USD value of one unit of unsettled funding: the coin's P′ for inverse
/// contracts, 1 + move of the settlement asset otherwise (funding accrues in the settlement asset).</param>
public readonly record struct ShockedInstrument(double Mark, double UnderlyingPrice, double Value, double FundingPrice);

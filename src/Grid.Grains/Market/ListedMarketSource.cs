using System.Runtime.CompilerServices;
using Grid.Abstractions.Market;
using Grid.Grains.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Simulation;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Market;

/// <summary>
/// The <see cref="MarketView"/>'s current frame as a <see cref="ListedMarket"/>: the same model, listing
/// limits and price ages an account's check reads (Grid:Accounts:MaxPriceAge), built once per frame.
/// </summary>
internal sealed class ListedMarketSource(MarketView view, IOptions<AccountOptions> options, TimeProvider clock) : IListedMarketSource
{
    private readonly ConditionalWeakTable<MarketFrame, ListedMarket> _listings = [];

    /// <inheritdoc />
    public ListedMarket Current => _listings.GetValue(view.Frame, Listing);

    private ListedMarket Listing(MarketFrame frame)
    {
        var limits = new Dictionary<string, TradingLimits>(frame.Instruments.Count, StringComparer.Ordinal);
        foreach (var (id, info) in frame.Instruments)
        {
            limits[id] = new TradingLimits
            {
                PriceBand = (double)info.Spec.PriceBand,
                MaxOrderNotional = (double)info.Spec.MaxOrderNotional,
                MaxPosition = (double)info.Spec.MaxPosition,
                Halted = info.Halted,
            };
        }

        var maxAge = options.Value.MaxPriceAge;
        return new ListedMarket(
            frame.Model, [.. frame.Instruments.Values.Select(i => i.Spec.ToRisk())], frame.Unpriced, limits,
            group => maxAge > TimeSpan.Zero && frame.IsStale(group, clock.GetUtcNow(), maxAge));
    }
}

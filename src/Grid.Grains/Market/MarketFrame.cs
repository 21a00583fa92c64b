using Grid.Abstractions.Market;
using Grid.Risk.Market;

namespace Grid.Grains.Market;

/// <summary>
/// One immutable version of the silo's market: the compiled risk model plus what the checks need
/// beside it (halts, limits, price ages, why an instrument cannot be priced). Swapped atomically.
/// </summary>
public sealed class MarketFrame
{
    internal MarketFrame(
        long version, long catalog, RiskModel model, RulebookInfo rulebook, IReadOnlyDictionary<string, InstrumentInfo> instruments,
        IReadOnlyDictionary<string, string> unpriced, DateTimeOffset[] groupPriceTimes, DateTimeOffset[] groupInputTimes)
    {
        Version = version;
        Catalog = catalog;
        Model = model;
        Rulebook = rulebook;
        Instruments = instruments;
        Unpriced = unpriced;
        GroupPriceTimes = groupPriceTimes;
        GroupInputTimes = groupInputTimes;
    }

    /// <summary>Increases with every change applied on this silo.</summary>
    public long Version { get; }

    /// <summary>
    /// The market instant: the newest observation among the frame's market inputs (before any, when the
    /// frame was built). Option time to expiry is measured from it and figures report it as their as-of.
    /// </summary>
    public DateTimeOffset AsOf => Model.Market.AsOf;

    /// <summary>Increases with every listing or spec change applied on this silo (not with prices or halts).</summary>
    public long Catalog { get; }

    /// <summary>The compiled risk model.</summary>
    public RiskModel Model { get; }

    /// <summary>The rulebook in force.</summary>
    public RulebookInfo Rulebook { get; }

    /// <summary>Every listed instrument (priced or not) with its status and limits.</summary>
    public IReadOnlyDictionary<string, InstrumentInfo> Instruments { get; }

    /// <summary>Listed instruments left out of the model, with the reason (no mark yet, expired…).</summary>
    public IReadOnlyDictionary<string, string> Unpriced { get; }

    /// <summary>Latest price update time per group index of the model.</summary>
    public DateTimeOffset[] GroupPriceTimes { get; }

    /// <summary>
    /// Newest observation of any market input per group index of the model (<see cref="GroupModel.Instant"/>):
    /// prices, forwards, dividend yields, risk arrays, span deltas, open interest. A group whose input time
    /// changed between two frames moved, even when its prices (and so its staleness) did not.
    /// </summary>
    public DateTimeOffset[] GroupInputTimes { get; }

    /// <summary>True when group <paramref name="group"/>'s newest price is older than <paramref name="maxAge"/>.</summary>
    public bool IsStale(int group, DateTimeOffset now, TimeSpan maxAge)
        => maxAge > TimeSpan.Zero && group >= 0 && group < GroupPriceTimes.Length && now - GroupPriceTimes[group] > maxAge;
}

namespace Grid.Abstractions.Market;

/// <summary>Owns the rulebook in force (key "current").</summary>
[Alias("grid.IRulebookGrain")]
public interface IRulebookGrain : IGrainWithStringKey
{
    /// <summary>Validates and (unless <paramref name="dryRun"/>) installs a rulebook; throws ArgumentException naming the bad field.</summary>
    [Alias("Load")]
    Task<RulebookInfo> Load(string json, bool dryRun);

    /// <summary>Sets the risk-free rate used for equity and index options, stored and published.</summary>
    [Alias("SetRate")]
    Task<RulebookInfo> SetRate(decimal rate);

    /// <summary>
    /// Stores the risk-free rate observed at <paramref name="at"/> (an older observation than the held
    /// one changes nothing) without publishing: the caller publishes the returned rulebook with the rest
    /// of its batch as one market step (<see cref="IMarketSteps"/>).
    /// </summary>
    [Alias("StoreRate")]
    Task<RulebookInfo> StoreRate(decimal rate, DateTimeOffset at);

    /// <summary>The rulebook in force, or null before the first load.</summary>
    [Alias("Get")]
    Task<RulebookInfo?> Get();
}

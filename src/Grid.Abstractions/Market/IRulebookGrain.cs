namespace Grid.Abstractions.Market;

/// <summary>Owns the rulebook in force (key "current").</summary>
[Alias("grid.IRulebookGrain")]
public interface IRulebookGrain : IGrainWithStringKey
{
    /// <summary>Validates and (unless <paramref name="dryRun"/>) installs a rulebook; throws ArgumentException naming the bad field.</summary>
    [Alias("Load")]
    Task<RulebookInfo> Load(string json, bool dryRun);

    /// <summary>
    /// As <see cref="Load(string, bool)"/>, after computing the candidate's impact on every account of the
    /// cluster (Rulebook §5.5, returned in <see cref="RulebookInfo.Impact"/>): a candidate beyond the guard
    /// of the rulebook in force throws InvalidOperationException naming the figure unless
    /// <paramref name="force"/>. A new version only; the same content again changes nothing and computes nothing.
    /// </summary>
    [Alias("LoadGuarded")]
    Task<RulebookInfo> Load(string json, bool dryRun, bool force);

    /// <summary>Installs a rulebook without computing its impact or asking the guard (a mounted file, at silo start, on a cluster without one).</summary>
    [Alias("Install")]
    Task<RulebookInfo> Install(string json);

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

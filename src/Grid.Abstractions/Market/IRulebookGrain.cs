namespace Grid.Abstractions.Market;

/// <summary>Owns the rulebook in force (key "current").</summary>
[Alias("grid.IRulebookGrain")]
public interface IRulebookGrain : IGrainWithStringKey
{
    /// <summary>Validates and (unless <paramref name="dryRun"/>) installs a rulebook; throws ArgumentException naming the bad field.</summary>
    [Alias("Load")]
    Task<RulebookInfo> Load(string json, bool dryRun);

    /// <summary>Sets the risk-free rate used for equity and index options.</summary>
    [Alias("SetRate")]
    Task<RulebookInfo> SetRate(decimal rate);

    /// <summary>The rulebook in force, or null before the first load.</summary>
    [Alias("Get")]
    Task<RulebookInfo?> Get();
}

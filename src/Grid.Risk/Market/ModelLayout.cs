namespace Grid.Risk.Market;

/// <summary>
/// The indexing of a model: instrument ids, asset codes, group names and scenario counts in index
/// order. Models that share a layout (a reprice with the same catalog) share this object, so books
/// and replicas indexed against one model stay valid against the next.
/// </summary>
public sealed class ModelLayout
{
    internal ModelLayout(string[] instruments, string[] assets, string[] groups, int[] scenarios)
    {
        Instruments = instruments;
        Assets = assets;
        Groups = groups;
        Scenarios = scenarios;
    }

    /// <summary>Instrument id per index.</summary>
    public IReadOnlyList<string> Instruments { get; }

    /// <summary>Asset code per index.</summary>
    public IReadOnlyList<string> Assets { get; }

    /// <summary>Group name per index.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>Scenario count per group index.</summary>
    public IReadOnlyList<int> Scenarios { get; }

    internal bool SameAs(string[] instruments, string[] assets, string[] groups, int[] scenarios)
        => Instruments.SequenceEqual(instruments) && Assets.SequenceEqual(assets) && Groups.SequenceEqual(groups) && Scenarios.SequenceEqual(scenarios);
}

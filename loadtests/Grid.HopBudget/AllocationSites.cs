namespace Grid.HopBudget;

/// <summary>
/// Allocated bytes by type and site: the site is the innermost frame of the grid's own code on the stack
/// (where the grid asked for the object, directly or through a library), or the leaf frame when no grid
/// frame is on it (the runtime's, Kestrel's or Orleans' own objects). Answers "what is allocated where",
/// which the per-hop table does not: the hop is one number, this is the list of what to cut.
/// </summary>
public sealed class AllocationSites
{
    private readonly Dictionary<string, double> _sites = new(StringComparer.Ordinal);

    /// <summary>Sum of every weight added.</summary>
    public double Total { get; private set; }

    /// <summary>Adds one allocation sample; <paramref name="frames"/> run from the type ("type:X"), then the leaf, to the root.</summary>
    public void Add(IReadOnlyList<string> frames, double weight)
    {
        Total += weight;
        var type = frames.Count > 0 && frames[0].StartsWith("type:", StringComparison.Ordinal) ? frames[0][5..] : "?";
        string? site = null;
        for (var i = 1; i < frames.Count && site is null; i++)
        {
            if (frames[i].StartsWith("Grid.", StringComparison.Ordinal))
            {
                site = frames[i];
            }
        }

        site ??= frames.Count > 1 ? "~ " + frames[1] : "(no stack)";
        var key = $"{type} @ {Short(site)}";
        _sites[key] = _sites.GetValueOrDefault(key) + weight;
    }

    /// <summary>The heaviest (type, site) pairs with their share of all allocated bytes.</summary>
    public IEnumerable<KeyValuePair<string, double>> Top(int n)
        => _sites.OrderByDescending(kv => kv.Value).Take(n).Select(kv => KeyValuePair.Create(kv.Key, Total > 0 ? kv.Value / Total : 0));

    // "Ns.Type::Method(args) (Module)" -> "Ns.Type::Method": the argument list and module add nothing to a site.
    private static string Short(string frame)
    {
        var paren = frame.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 ? frame[..paren] : frame;
    }
}

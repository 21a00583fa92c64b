namespace Grid.HopBudget;

/// <summary>Weights (CPU samples or allocated bytes) per hop: exclusive (by priority) and inclusive.</summary>
public sealed class HopTally
{
    private readonly double[] _exclusive = new double[HopRules.Hops.Length];
    private readonly double[] _inclusive = new double[HopRules.Hops.Length];
    private readonly double[] _details = new double[HopRules.Details.Length];
    private readonly Dictionary<string, double> _unclassifiedLeaves = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double>[] _leaves = [.. HopRules.Hops.Select(_ => new Dictionary<string, double>(StringComparer.Ordinal))];

    /// <summary>Sum of every weight added.</summary>
    public double Total { get; private set; }

    /// <summary>Weight of stacks no hop claimed.</summary>
    public double Unclassified { get; private set; }

    /// <summary>Adds one sample; <paramref name="frames"/> run from the leaf to the root.</summary>
    public void Add(IReadOnlyList<string> frames, double weight)
    {
        Total += weight;
        var hop = HopRules.Classify(frames);
        var leaf = frames.Count == 0 ? "(empty stack)" : frames[0].StartsWith("type:", StringComparison.Ordinal) && frames.Count > 1 ? $"{frames[1]} <- {frames[0]}" : frames[0];
        if (hop < 0)
        {
            Unclassified += weight;
            _unclassifiedLeaves[leaf] = _unclassifiedLeaves.GetValueOrDefault(leaf) + weight;
        }
        else
        {
            _exclusive[hop] += weight;
            _leaves[hop][leaf] = _leaves[hop].GetValueOrDefault(leaf) + weight;
        }

        for (var h = 0; h < HopRules.Hops.Length; h++)
        {
            if (HopRules.Any(HopRules.Hops[h], frames))
            {
                _inclusive[h] += weight;
            }
        }

        for (var d = 0; d < HopRules.Details.Length; d++)
        {
            if (HopRules.Any(HopRules.Details[d], frames))
            {
                _details[d] += weight;
            }
        }
    }

    /// <summary>Weight assigned to hop <paramref name="h"/>.</summary>
    public double Exclusive(int h) => _exclusive[h];

    /// <summary>Weight of stacks that pass through hop <paramref name="h"/>.</summary>
    public double Inclusive(int h) => _inclusive[h];

    /// <summary>Weight of stacks that pass through detail <paramref name="d"/>.</summary>
    public double Detail(int d) => _details[d];

    /// <summary>The heaviest leaf frames of stacks no hop claimed (to extend the rules).</summary>
    public IEnumerable<KeyValuePair<string, double>> TopUnclassified(int n) => _unclassifiedLeaves.OrderByDescending(kv => kv.Value).Take(n);

    /// <summary>The heaviest leaf frames of hop <paramref name="h"/>.</summary>
    public IEnumerable<KeyValuePair<string, double>> TopLeaves(int h, int n) => _leaves[h].OrderByDescending(kv => kv.Value).Take(n);
}

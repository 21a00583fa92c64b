namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// The fuzz test's own collection. It runs its own host (fuzzing freezes accounts, halts instruments
/// and loads rulebooks, which would break the shared host's tests), and it runs alone, after the
/// parallel collections, so its throughput figures and the other tests' timings do not fight over
/// two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "fuzz host";
}

namespace Grid.Grains.House;

/// <summary>What the coordinator asks of every silo for one run.</summary>
[GenerateSerializer, Immutable, Alias("grid.HousePartRequest")]
public sealed record HousePartRequest
{
    /// <summary>The silo waits until its market holds at least this rulebook revision, so every part uses the same rulebook.</summary>
    [Id(0)] public long Revision { get; init; }

    /// <summary>Accounts this silo also holds but another silo counts (their claim did not arrive here).</summary>
    [Id(1)] public string[] Excluded { get; init; } = [];

    /// <summary>Top accounts (stress) or largest increases (impact) kept.</summary>
    [Id(2)] public int Top { get; init; }
}

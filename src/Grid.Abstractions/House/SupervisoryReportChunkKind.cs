namespace Grid.Abstractions.House;

/// <summary>What a chunk of the supervisory report holds.</summary>
public enum SupervisoryReportChunkKind
{
    /// <summary>Not set.</summary>
    Unspecified = 0,

    /// <summary>One account's line (accounts.jsonl).</summary>
    Account = 1,

    /// <summary>One house line (house.jsonl): the run, a scenario, the dependency.</summary>
    House = 2,

    /// <summary>The rulebook document the figures used (rulebook.json).</summary>
    Rulebook = 3,
}

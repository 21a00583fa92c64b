using Grid.Abstractions.Engine;

namespace Grid.Abstractions.Accounts;

/// <summary>The outcome of an operator's funding request: the account's answer, the position after and the figures.</summary>
[GenerateSerializer, Immutable, Alias("grid.FundingResult")]
public sealed record FundingResult
{
    /// <summary>An ack (applied, or <see cref="EngineReply.Replayed"/>) or an error naming the field.</summary>
    [Id(0)] public EngineReply Reply { get; init; } = new();

    /// <summary>The position after, or null when the account holds none in the instrument.</summary>
    [Id(1)] public PositionLine? Position { get; init; }

    /// <summary>The account's figures after the request.</summary>
    [Id(2)] public BuyingPower After { get; init; } = new();
}

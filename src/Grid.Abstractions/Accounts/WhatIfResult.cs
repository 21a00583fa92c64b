using Grid.Abstractions.Engine;

namespace Grid.Abstractions.Accounts;

/// <summary>Decisions for a list of orders evaluated cumulatively without reserving, and the figures after them.</summary>
[GenerateSerializer, Immutable, Alias("grid.WhatIfResult")]
public sealed record WhatIfResult([property: Id(0)] IReadOnlyList<EngineReply> Decisions, [property: Id(1)] BuyingPower After);

namespace Grid.Abstractions.Accounts;

/// <summary>One page of accounts, nearest liquidation first.</summary>
[GenerateSerializer, Immutable, Alias("grid.AccountPage")]
public sealed record AccountPage([property: Id(0)] IReadOnlyList<AccountSummary> Accounts, [property: Id(1)] string NextPageToken);

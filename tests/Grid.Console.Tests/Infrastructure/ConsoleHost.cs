namespace Grid.Console.Tests.Infrastructure;

/// <summary>The host shared by the API tests and the scenarios that only read (what-if never reserves).</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleHost : ICollectionFixture<ConsoleHostFixture>
{
    public const string Name = "console host";
}

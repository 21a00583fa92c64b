namespace Grid.Console.Tests.Infrastructure;

/// <summary>A host of its own for the scenario that moves the market, so the others see the demo as seeded.</summary>
[CollectionDefinition(Name)]
public sealed class PriceMoveHost : ICollectionFixture<ConsoleHostFixture>
{
    public const string Name = "price move host";
}

namespace Grid.Console.Tests.Infrastructure;

/// <summary>The embedded default's documented development keys (README): the scenarios run the demo as shipped.</summary>
internal static class DemoKeys
{
    public const string Admin = "grid-dev-admin";
    public const string Engine = "grid-dev-engine";
    public const string MarketData = "grid-dev-marketdata";
}

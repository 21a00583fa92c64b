using Grid.Api.V1;

namespace Grid.Host.Tests.Infrastructure;

/// <summary>One real host (embedded default with the demo market) shared by the end-to-end tests.</summary>
public sealed class GridHostFixture : IAsyncLifetime
{
    public HostProcess Host { get; private set; } = null!;

    public PreTrade.PreTradeClient PreTrade => new(Host.Engine);

    public Accounts.AccountsClient Accounts => new(Host.Channel);

    public Admin.AdminClient Admin => new(Host.Channel);

    public MarketData.MarketDataClient MarketData => new(Host.Feeder);

    public RiskEvents.RiskEventsClient RiskEvents => new(Host.Channel);

    public async Task InitializeAsync() => Host = await HostProcess.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();

    internal EngineStream Stream() => new(PreTrade);

    internal async Task Fund(string account, string asset, decimal amount)
        => await Accounts.DepositAsync(new DepositRequest { AccountId = account, Asset = asset, Amount = Wire.Dec(amount), RequestId = $"fund-{account}-{asset}" });
}

[CollectionDefinition(Name)]
public sealed class GridHost : ICollectionFixture<GridHostFixture>
{
    public const string Name = "grid host";
}

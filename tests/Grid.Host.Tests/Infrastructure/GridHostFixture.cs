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

    /// <summary>Lists a USDT-settled linear perp of its own (tests that move prices leave the demo market alone).</summary>
    internal async Task ListPerp(string id, string group)
        => await Admin.UpsertInstrumentAsync(new UpsertInstrumentRequest
        {
            Instrument = new InstrumentSpec { Id = id, Kind = InstrumentKind.LinearPerp, Group = group, Underlying = group, Multiplier = Wire.Dec(1), Settlement = "USDT" },
        });

    /// <summary>Publishes one mark, observed now, and asserts it was applied.</summary>
    internal async Task Mark(string instrument, decimal price)
    {
        var batch = new PriceBatch { Sequence = (ulong)DateTime.UtcNow.Ticks };
        batch.Updates.Add(new PriceUpdate { ObservedAt = Wire.Time(DateTimeOffset.UtcNow), Mark = new MarkPrice { InstrumentId = instrument, Price = Wire.Dec(price) } });
        Assert.Equal(1u, (await MarketData.PublishOnceAsync(batch)).Accepted);
    }
}

[CollectionDefinition(Name)]
public sealed class GridHost : ICollectionFixture<GridHostFixture>
{
    public const string Name = "grid host";
}

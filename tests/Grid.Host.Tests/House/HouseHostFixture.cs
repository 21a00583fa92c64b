using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;

namespace Grid.Host.Tests.House;

/// <summary>
/// A host of its own for the house's systemic-risk calls (it loads rulebooks, adds accounts whose
/// deficits exceed the guarantee fund): no scheduled runs, so it starts with none, which it records.
/// </summary>
public sealed class HouseHostFixture : IAsyncLifetime
{
    public HostProcess Host { get; private set; } = null!;

    /// <summary>Admin.GetHouseRisk's failure before any run, taken right after start.</summary>
    public RpcException? BeforeAnyRun { get; private set; }

    public Admin.AdminClient Admin => new(Host.Channel);

    public Accounts.AccountsClient Accounts => new(Host.Channel);

    public async Task InitializeAsync()
    {
        Host = await HostProcess.StartAsync(new Dictionary<string, string> { ["Grid:House:StressInterval"] = "00:00:00" });
        try
        {
            await Admin.GetHouseRiskAsync(new GetHouseRiskRequest());
        }
        catch (RpcException e)
        {
            BeforeAnyRun = e;
        }
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    internal EngineStream Stream() => new(new PreTrade.PreTradeClient(Host.Engine));

    internal async Task Deposit(string account, string asset, decimal amount, string request = "")
        => await Accounts.DepositAsync(new DepositRequest { AccountId = account, Asset = asset, Amount = Wire.Dec(amount), RequestId = request.Length > 0 ? request : $"fund-{account}-{asset}" });
}

[CollectionDefinition(Name)]
public sealed class HouseHost : ICollectionFixture<HouseHostFixture>
{
    public const string Name = "house host";
}

using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;

namespace Grid.Host.Tests.Contract;

/// <summary>
/// A real host (demo market) for the contract suite, with limits small enough to reach: a per-stream
/// window of 2 unanswered messages and 10 orders a second per account.
/// </summary>
public sealed class ContractHostFixture : IAsyncLifetime
{
    /// <summary>Grid:Gateway:MaxInFlightPerStream on this host.</summary>
    public const int Window = 2;

    /// <summary>Grid:Accounts:MaxOrdersPerSecond on this host.</summary>
    public const int OrdersPerSecond = 10;

    public HostProcess Host { get; private set; } = null!;

    public PreTrade.PreTradeClient PreTrade => new(Host.Engine);

    public Accounts.AccountsClient Accounts => new(Host.Channel);

    public Admin.AdminClient Admin => new(Host.Channel);

    public async Task InitializeAsync() => Host = await HostProcess.StartAsync(new Dictionary<string, string>
    {
        ["Grid:Gateway:MaxInFlightPerStream"] = Window.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Grid:Accounts:MaxOrdersPerSecond"] = OrdersPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();

    internal EngineStream Stream() => new(PreTrade);

    internal async Task<BuyingPower> Fund(string account, decimal usd)
        => await Accounts.DepositAsync(new DepositRequest { AccountId = account, Asset = "USD", Amount = Wire.Dec(usd), RequestId = $"fund-{account}" });

    /// <summary>The ErrorDetail of a failed unary call (grpc-status-details-bin), and its status.</summary>
    internal static async Task<(StatusCode Status, ErrorDetail Detail)> Failure<T>(AsyncUnaryCall<T> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        var status = e.GetRpcStatus();
        Assert.NotNull(status);
        var detail = status.Details.Single(d => d.Is(ErrorDetail.Descriptor)).Unpack<ErrorDetail>();
        return (e.StatusCode, detail);
    }
}

[CollectionDefinition(Name)]
public sealed class ContractHost : ICollectionFixture<ContractHostFixture>
{
    public const string Name = "contract host";
}

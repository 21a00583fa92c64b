using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests;

/// <summary>
/// Every RPC × every role (and no key, and a wrong key), allowed and denied as docs/security.md's
/// table says; account scope on reads and on the engine stream.
/// </summary>
[Collection(GridHost.Name)]
public sealed class AuthorizationTests(GridHostFixture grid)
{
    private const string E = "engine", T = "trader", M = "marketdata", A = "admin";

    // An allowed stream given an empty request may answer nothing until its deadline: a short one, and running out of
    // it counts as allowed. A refusal comes at once, however loaded the host: its deadline only turns a hang into a
    // failure, never a slow refusal into DEADLINE_EXCEEDED.
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Refused = TimeSpan.FromSeconds(30);

    // The documented table (independent of the server's own table on purpose).
    public static TheoryData<string, MethodType, string> Table => new()
    {
        { "/grid.v1.PreTrade/Stream", MethodType.DuplexStreaming, E },
        { "/grid.v1.PreTrade/Check", MethodType.Unary, E },
        { "/grid.v1.PreTrade/ListReservations", MethodType.Unary, E },
        { "/grid.v1.Accounts/GetBuyingPower", MethodType.Unary, $"{E},{T},{A}" },
        { "/grid.v1.Accounts/GetMaxOrderSize", MethodType.Unary, $"{E},{T},{A}" },
        { "/grid.v1.Accounts/WhatIf", MethodType.Unary, $"{E},{T},{A}" },
        { "/grid.v1.Accounts/CompareRegimes", MethodType.Unary, $"{E},{T},{A}" },
        { "/grid.v1.Accounts/GetPortfolio", MethodType.Unary, $"{E},{T},{A}" },
        { "/grid.v1.Accounts/Watch", MethodType.ServerStreaming, $"{E},{T},{A}" },
        { "/grid.v1.Accounts/Deposit", MethodType.Unary, A },
        { "/grid.v1.Accounts/Withdraw", MethodType.Unary, A },
        { "/grid.v1.Accounts/ApplyFunding", MethodType.Unary, A },
        { "/grid.v1.MarketData/Publish", MethodType.DuplexStreaming, M },
        { "/grid.v1.MarketData/PublishOnce", MethodType.Unary, M },
        { "/grid.v1.MarketData/Subscribe", MethodType.ServerStreaming, $"{E},{T},{M},{A}" },
        { "/grid.v1.Admin/UpsertInstrument", MethodType.Unary, A },
        { "/grid.v1.Admin/GetInstrument", MethodType.Unary, A },
        { "/grid.v1.Admin/ListInstruments", MethodType.Unary, A },
        { "/grid.v1.Admin/HaltInstrument", MethodType.Unary, A },
        { "/grid.v1.Admin/ResumeInstrument", MethodType.Unary, A },
        { "/grid.v1.Admin/LoadRulebook", MethodType.Unary, A },
        { "/grid.v1.Admin/GetRulebook", MethodType.Unary, A },
        { "/grid.v1.Admin/FreezeAccount", MethodType.Unary, A },
        { "/grid.v1.Admin/UnfreezeAccount", MethodType.Unary, A },
        { "/grid.v1.Admin/SetAccountRegime", MethodType.Unary, A },
        { "/grid.v1.Admin/ListAccounts", MethodType.Unary, A },
        { "/grid.v1.Admin/VerifyAccount", MethodType.Unary, A },
        { "/grid.v1.Admin/QueryAudit", MethodType.Unary, A },
        { "/grid.v1.Admin/RunHouseRisk", MethodType.Unary, A },
        { "/grid.v1.Admin/GetHouseRisk", MethodType.Unary, A },
        { "/grid.v1.Admin/StreamSupervisoryReport", MethodType.ServerStreaming, A },
        { "/grid.v1.RiskEvents/Subscribe", MethodType.ServerStreaming, $"{E},{A}" },
        { "/grid.v1.Margin/Simulate", MethodType.Unary, $"{T},{A}" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task EveryRole_IsAllowedOrDenied_AsTheTableSays(string method, MethodType type, string allowed)
    {
        var roles = new Dictionary<string, string?> { [E] = TestKeys.Engine, [T] = TestKeys.Trader, [M] = TestKeys.MarketData, [A] = TestKeys.Admin };
        foreach (var (role, key) in roles)
        {
            if (allowed.Split(',').Contains(role))
            {
                var status = await Call(grid.Host.ChannelAs(key), method, type, Allowed);
                Assert.True(status is not (StatusCode.PermissionDenied or StatusCode.Unauthenticated), $"{role} should be allowed {method}, got {status}");
            }
            else
            {
                var status = await Call(grid.Host.ChannelAs(key), method, type, Refused);
                Assert.True(status == StatusCode.PermissionDenied, $"{role} should be denied {method}, got {status}");
            }
        }

        Assert.Equal(StatusCode.Unauthenticated, await Call(grid.Host.ChannelAs(null), method, type, Refused));
        Assert.Equal(StatusCode.Unauthenticated, await Call(grid.Host.ChannelAs("not-a-key"), method, type, Refused));
    }

    [Fact]
    public async Task Trader_CannotSeeAnotherTradersAccount()
    {
        await grid.Fund("trader-1", "USD", 1_000);
        await grid.Fund("someone-else", "USD", 1_000);
        var trader = new Accounts.AccountsClient(grid.Host.ChannelAs(TestKeys.Trader));
        Assert.Equal(1_000m, Num((await trader.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "trader-1" })).Equity));
        var denied = await Assert.ThrowsAsync<RpcException>(() => trader.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "someone-else" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var watch = trader.Watch(new WatchAccountRequest { AccountId = "someone-else" });
        var streamDenied = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.PermissionDenied, streamDenied.StatusCode);
    }

    [Fact]
    public async Task ScopedEngine_StreamRefusesOtherAccountsPerMessage_AndCarriesOn()
    {
        await grid.Fund("venue-b-1", "USD", 100_000);
        await grid.Fund("trader-2", "USD", 100_000);
        await using var venue = new EngineStream(new PreTrade.PreTradeClient(grid.Host.ChannelAs(TestKeys.VenueB)));

        var foreign = await venue.Send(Check(1, "trader-2", "vb-1", "BTC-PERP", Side.Buy, 0.01m, 60_000));
        Assert.Equal(GridMessage.BodyOneofCase.Error, foreign.BodyCase);
        Assert.Equal(ErrorCode.PermissionDenied, foreign.Error.Code);
        var own = await venue.Send(Check(2, "venue-b-1", "vb-2", "BTC-PERP", Side.Buy, 0.01m, 60_000));
        Assert.Equal(Decision.Accept, own.Decision.Decision);

        // Nothing was reserved on the foreign account.
        var reservations = await new PreTrade.PreTradeClient(grid.Host.Engine).ListReservationsAsync(new ListReservationsRequest { AccountIds = { "trader-2" } });
        Assert.Empty(reservations.Reservations);
        var unary = await Assert.ThrowsAsync<RpcException>(() => new PreTrade.PreTradeClient(grid.Host.ChannelAs(TestKeys.VenueB))
            .CheckAsync(new CheckOrderRequest { Order = Check(3, "trader-2", "vb-3", "BTC-PERP", Side.Buy, 0.01m, 60_000).Check }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, unary.StatusCode);
    }

    private static async Task<StatusCode> Call(GrpcChannel channel, string method, MethodType type, TimeSpan deadline)
    {
        var invoker = channel.CreateCallInvoker();
        var raw = new Method<byte[], byte[]>(type, method.Split('/')[1], method.Split('/')[2], Bytes, Bytes);
        var options = new CallOptions(deadline: DateTime.UtcNow.Add(deadline));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(raw, null, options, []);
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(raw, null, options, []))
                    {
                        await call.ResponseStream.MoveNext();
                    }

                    break;
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(raw, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        await call.ResponseStream.MoveNext();
                    }

                    break;
            }

            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
}

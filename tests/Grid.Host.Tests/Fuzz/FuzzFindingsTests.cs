using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Minimal reproductions of what the fuzz found (seed 20261125), one contract each. They fail until the
/// server is fixed; the fuzz test reports the same findings among its samples.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzFindingsTests(FindingsHost grid) : IClassFixture<FindingsHost>
{
    private static readonly decimal MaxMagnitude = 1_000_000_000_000_000m;

    [Fact]
    public async Task PublishOnce_IndexUpdateWithoutPrice_IsRejectedInTheAck()
    {
        var batch = new PriceBatch { Sequence = 1, Updates = { new PriceUpdate { Index = new IndexPrice { Asset = "BTC" }, ObservedAt = Now() } } };

        // Today: FAILED_PRECONDITION "Sequence contains no elements" (UnderlyingPrices.Publish takes the Max of no forwards).
        var ack = await new MarketData.MarketDataClient(grid.Host.Feeder).PublishOnceAsync(batch);

        Assert.Equal(ErrorCode.InvalidField, Assert.Single(ack.Rejected).Error.Code);
    }

    [Fact]
    public async Task Publish_IndexUpdateWithoutPrice_IsAckedAndTheStreamCarriesOn()
    {
        using var call = new MarketData.MarketDataClient(grid.Host.Feeder).Publish();
        await call.RequestStream.WriteAsync(new PriceBatch { Sequence = 1, Updates = { new PriceUpdate { Index = new IndexPrice { Asset = "BTC", Price = Wire.Dec(0) }, ObservedAt = Now() } } });
        await call.RequestStream.WriteAsync(new PriceBatch { Sequence = 2, Updates = { new PriceUpdate { Mark = new MarkPrice { InstrumentId = "BTC-PERP", Price = Wire.Dec(60_000m) }, ObservedAt = Now() } } });
        await call.RequestStream.CompleteAsync();

        // Today: the first batch ends the stream with UNAVAILABLE "the stream failed; reconnect and resend…", and no ack comes.
        var acks = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal([1UL, 2UL], acks.Select(a => a.Sequence));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Check_OrderWhoseFiguresExceedTheWireRange_IsAnsweredNotRetried()
    {
        await Fund("fz-find-check");
        var order = Wire.Check(0, "fz-find-check", "big-1", "BTC-PERP", Side.Buy, MaxMagnitude, 60_000m).Check;

        // Today: UNAVAILABLE "the grid could not complete the call (OverflowException); retry", for a qty within (0, 1e15].
        var e = await Record.ExceptionAsync(() => new PreTrade.PreTradeClient(grid.Host.Engine).CheckAsync(new CheckOrderRequest { Order = order }).ResponseAsync);

        Assert.True(e is null or RpcException { StatusCode: StatusCode.InvalidArgument or StatusCode.OutOfRange }, $"got {e?.Message}");
    }

    [Fact]
    public async Task Fill_BeyondTheGridsValueLimit_IsRefused_AndTheAccountStaysReadable()
    {
        await Fund("fz-find-fill");
        await using (var engine = new EngineStream(new PreTrade.PreTradeClient(grid.Host.Engine)))
        {
            // 1e15 BTC at 60,000 is worth 6e19 USD: booked, it took the account's figures past the wire
            // Decimal and broke Admin.ListAccounts for every account. Now it is refused, not booked.
            var refused = await engine.Send(Wire.Fill(0, "fz-find-fill", "o1", "t1", MaxMagnitude, 60_000m, "BTC-PERP", Side.Buy));
            Assert.Equal(GridMessage.BodyOneofCase.Error, refused.BodyCase);
            Assert.Equal(ErrorCode.InvalidField, refused.Error.Code);
            Assert.Equal("filled.qty", refused.Error.Field);
            var ordinary = await engine.Send(Wire.Fill(0, "fz-find-fill", "o2", "t2", 0.5m, 60_000m, "BTC-PERP", Side.Buy));
            Assert.Equal(GridMessage.BodyOneofCase.Ack, ordinary.BodyCase);
        }

        // The account and the account list stay readable.
        var admin = new Admin.AdminClient(grid.Host.Channel);
        var failures = new List<string>();
        foreach (var (what, call) in new (string, Func<Task>)[]
        {
            ("GetBuyingPower", () => new Accounts.AccountsClient(grid.Host.Channel).GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "fz-find-fill" }).ResponseAsync),
            ("VerifyAccount", () => admin.VerifyAccountAsync(new VerifyAccountRequest { AccountId = "fz-find-fill" }).ResponseAsync),
            ("ListAccounts", () => admin.ListAccountsAsync(new ListAccountsRequest()).ResponseAsync),
        })
        {
            if (await Record.ExceptionAsync(call) is RpcException e)
            {
                failures.Add($"{what}: {e.StatusCode} {e.Status.Detail}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    private static Timestamp Now() => Timestamp.FromDateTime(DateTime.UtcNow);

    private async Task Fund(string account)
        => await new Accounts.AccountsClient(grid.Host.Channel).DepositAsync(new DepositRequest { AccountId = account, Asset = "USD", Amount = Wire.Dec(1_000_000m), RequestId = "fund" });
}

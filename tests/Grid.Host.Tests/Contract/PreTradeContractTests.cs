using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Contract;

/// <summary>
/// pretrade.proto against a real host: each documented error of PreTrade.Stream, Check and
/// ListReservations is produced here (UNAVAILABLE by the cluster tests; see docs/contract.md).
/// </summary>
[Collection(ContractHost.Name)]
public sealed class PreTradeContractTests(ContractHostFixture grid)
{
    [Fact]
    public async Task Stream_MessagesThatCannotBeApplied_GetTheDocumentedErrors_AndTheStreamGoesOn()
    {
        await grid.Fund("pc-errors", 100_000);
        await using var engine = grid.Stream();
        await engine.Send(Fill(0, "pc-errors", "f", "t-pos", 1, 3_000, "ETH-PERP", Side.Buy));
        await engine.Send(Funding("pc-errors", "fund-1", "ETH-PERP", 1));

        await engine.SendRaw(new EngineMessage { CorrelationId = 0, Heartbeat = new Heartbeat() });
        var cases = new (EngineMessage Message, ErrorCode Code, string Field)[]
        {
            (new EngineMessage(), ErrorCode.Malformed, "body"),
            (Check(0, "", "o", "BTC-PERP", Side.Buy, 1, 60_000), ErrorCode.Malformed, "check.account_id"),
            (new EngineMessage { Check = new CheckOrder { AccountId = "pc-errors", ClientOrderId = "o", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = new Api.V1.Decimal { Units = 1, Nanos = -5 }, Price = Dec(60_000) } }, ErrorCode.InvalidField, "check.qty"),
            (Check(0, "pc-nobody", "o", "BTC-PERP", Side.Buy, 1, 60_000), ErrorCode.UnknownAccount, "account_id"),
            (Fill(0, "pc-errors", "o", "t1", 1, 100, "NOPE-PERP", Side.Buy), ErrorCode.UnknownInstrument, "filled.instrument_id"),
            (Fill(0, "pc-errors", "not-resting", "t2", 1, 100), ErrorCode.InvalidField, "filled.instrument_id"),
            (FillWithFee("pc-errors", "t3", 1, 3_000, 31), ErrorCode.InvalidField, "filled.fee"),
            (Funding("pc-errors", "fund-1", "ETH-PERP", 2), ErrorCode.IdempotencyConflict, "funding_id"),
            (Funding("pc-errors", "fund-2", "BTC-PERP", 1), ErrorCode.FailedPrecondition, "instrument_id"),
            (Funding("pc-errors", "fund-3", "NOPE-PERP", 1), ErrorCode.UnknownInstrument, "instrument_id"),
            (Funding("pc-errors", "fund-4", "BTC-USDT", 1), ErrorCode.InvalidField, "instrument_id"),
            (new EngineMessage { Funding = new Funding { AccountId = "pc-errors", InstrumentId = "ETH-PERP" } }, ErrorCode.Malformed, "funding.funding_id"),
        };

        foreach (var (message, code, field) in cases)
        {
            var reply = await engine.Send(message);
            Assert.True(reply.BodyCase == GridMessage.BodyOneofCase.Error, $"{message}: {reply}");
            Assert.Equal((code, field), (reply.Error.Code, reply.Error.Field));
            Assert.NotEqual("", reply.Error.Message);
        }

        var zero = engine.Unsolicited.Single(m => m.BodyCase == GridMessage.BodyOneofCase.Error);
        Assert.Equal((ErrorCode.Malformed, "correlation_id"), (zero.Error.Code, zero.Error.Field));
        var portfolio = await grid.Accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "pc-errors" });
        Assert.Equal(1m, Num(Assert.Single(portfolio.Positions).Funding));
        Assert.Equal(GridMessage.BodyOneofCase.Heartbeat, (await engine.Send(new EngineMessage { Heartbeat = new Heartbeat() })).BodyCase);
    }

    [Fact]
    public async Task Stream_AFullWindow_IsAnsweredOverloaded_AndTheRefusedMessageWasNotApplied()
    {
        await grid.Fund("pc-window", 10_000_000);
        await using var engine = grid.Stream();

        // Fills: never rate-limited, so every OVERLOADED here is the stream's window.
        var fills = Enumerable.Range(0, 60).Select(i => Fill(0, "pc-window", $"w{i}", $"t{i}", 0.001m, 60_000, "BTC-PERP", Side.Buy)).ToList();
        var replies = await Task.WhenAll(await engine.SendAll(fills));

        var overloaded = replies.Where(r => r.BodyCase == GridMessage.BodyOneofCase.Error).ToList();
        Assert.NotEmpty(overloaded);
        Assert.All(overloaded, r => Assert.Equal(ErrorCode.Overloaded, r.Error.Code));
        Assert.All(overloaded, r => Assert.Contains($"{ContractHostFixture.Window} unanswered", r.Error.Message, StringComparison.Ordinal));
        var booked = replies.Count(r => r.BodyCase == GridMessage.BodyOneofCase.Ack);
        Assert.Equal(60, booked + overloaded.Count);
        var position = Assert.Single((await grid.Accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "pc-window" })).Positions);
        Assert.Equal(booked * 0.001m, Num(position.Qty));
    }

    [Fact]
    public async Task Check_DocumentedErrors()
    {
        await grid.Fund("pc-check", 10_000_000);

        var malformed = await ContractHostFixture.Failure(grid.PreTrade.CheckAsync(new CheckOrderRequest()));
        var unknown = await ContractHostFixture.Failure(grid.PreTrade.CheckAsync(new CheckOrderRequest { Order = Check(0, "pc-check-nobody", "o", "BTC-PERP", Side.Buy, 1, 60_000).Check }));
        var denied = await Assert.ThrowsAsync<RpcException>(() => new PreTrade.PreTradeClient(grid.Host.ChannelAs(TestKeys.VenueB))
            .CheckAsync(new CheckOrderRequest { Order = Check(0, "pc-check", "o", "BTC-PERP", Side.Buy, 1, 60_000).Check }).ResponseAsync);
        // Bursts of three seconds' worth of checks at once, until one is refused. Sent one by one, a round trip slower
        // than 1/OrdersPerSecond (a loaded machine) refills the account's bucket as fast as the checks empty it.
        (StatusCode Status, ErrorDetail Detail)? throttled = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var burst = 0; throttled is null && DateTime.UtcNow < deadline; burst++)
        {
            var calls = Enumerable.Range(0, 3 * ContractHostFixture.OrdersPerSecond)
                .Select(i => grid.PreTrade.CheckAsync(new CheckOrderRequest { Order = Check(0, "pc-check", $"r{burst}-{i}", "BTC-PERP", Side.Buy, 0.001m, 59_000).Check }))
                .ToList();
            foreach (var call in calls)
            {
                if (await Record.ExceptionAsync(() => call.ResponseAsync) is RpcException && throttled is null)
                {
                    throttled = await ContractHostFixture.Failure(call);
                }
            }
        }

        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.Malformed, "order"), (malformed.Status, malformed.Detail.Code, malformed.Detail.Field));
        Assert.Equal((StatusCode.NotFound, ErrorCode.UnknownAccount), (unknown.Status, unknown.Detail.Code));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.NotNull(throttled);
        Assert.Equal((StatusCode.ResourceExhausted, ErrorCode.Overloaded), (throttled.Value.Status, throttled.Value.Detail.Code));
        Assert.True(throttled.Value.Detail.RetryAfter.ToTimeSpan() > TimeSpan.Zero);
    }

    [Fact]
    public async Task ListReservations_DocumentedErrors_AndEachReservationNamesItsVenue()
    {
        await grid.Fund("pc-list", 1_000_000);
        await using (var engine = grid.Stream())
        {
            await engine.Send(Check(0, "pc-list", "o1", "BTC-PERP", Side.Buy, 0.1m, 59_000));
        }

        async Task<(StatusCode, ErrorCode, string)> Refused(ListReservationsRequest request)
        {
            var (status, detail) = await ContractHostFixture.Failure(grid.PreTrade.ListReservationsAsync(request));
            return (status, detail.Code, detail.Field);
        }

        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "account_ids"), await Refused(new ListReservationsRequest()));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "account_ids"), await Refused(new ListReservationsRequest { AccountIds = { "pc-list" }, VenueId = "test-engine" }));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "account_ids"), await Refused(new ListReservationsRequest { AccountIds = { Enumerable.Range(0, 1001).Select(i => $"a{i}") } }));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "page_token"), await Refused(new ListReservationsRequest { AccountIds = { "pc-list" }, PageToken = "nope" }));
        var listed = await grid.PreTrade.ListReservationsAsync(new ListReservationsRequest { AccountIds = { "pc-list", "pc-list-nobody" } });
        var reservation = Assert.Single(listed.Reservations);
        Assert.Equal("test-engine", reservation.VenueId);
    }

    [Fact]
    public async Task AFillIntoLiquidation_SendsTheVenueACancelInstruction()
    {
        await grid.Fund("pc-liquidate", 25_000);
        await using var engine = grid.Stream();
        await engine.Send(Check(0, "pc-liquidate", "resting", "ETH-PERP", Side.Sell, 1, 3_100));

        // 40 ETH bought at 3,300 against a mark of 3,000: AE 25,000 − 12,000 = 13,000 < MM 0.8 × 20% × 120,000 = 19,200.
        var fill = await engine.Send(Fill(0, "pc-liquidate", "other", "t1", 40, 3_300, "ETH-PERP", Side.Buy));

        Assert.Equal(AccountState.Liquidate, fill.Ack.State);
        var instruction = await Eventually(() => engine.Unsolicited.FirstOrDefault(m => m.BodyCase == GridMessage.BodyOneofCase.Cancel && m.Cancel.AccountId == "pc-liquidate"));
        Assert.Equal(["resting"], instruction.Cancel.ClientOrderIds);
        Assert.Equal(CancelReason.Liquidation, instruction.Cancel.Reason);
        Assert.Equal(AccountState.Liquidate, instruction.Cancel.State);
        Assert.Empty((await grid.Accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "pc-liquidate" })).Orders);
    }

    internal static EngineMessage Funding(string account, string id, string instrument, decimal accrue, bool settle = false) => new()
    {
        Funding = new Api.V1.Funding { AccountId = account, FundingId = id, InstrumentId = instrument, Accrue = Dec(accrue), Settle = settle },
    };

    internal static EngineMessage FillWithFee(string account, string trade, decimal qty, decimal price, decimal fee)
    {
        var message = Fill(0, account, $"o-{trade}", trade, qty, price, "ETH-PERP", Side.Buy);
        message.Filled.Fee = Dec(fee);
        return message;
    }

    internal static async Task<T> Eventually<T>(Func<T?> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "not seen in time");
            await Task.Delay(20);
        }
    }
}

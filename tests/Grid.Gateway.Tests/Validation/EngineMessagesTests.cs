using Grid.Abstractions.Engine;
using Grid.Gateway.PreTrade;
using Grid.Gateway.Validation;
using Grid.Risk.Accounts;
using Xunit;
using static Grid.Gateway.Tests.Fakes.Engine;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Validation;

public sealed class EngineMessagesTests
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Fact]
    public void Read_ValidCheck_MapsEveryField()
    {
        var check = Check();
        check.ReduceOnly = true;

        var request = EngineMessages.Read(Message(7, check), Clock);

        Assert.Equal("acc-1", request.AccountId);
        var command = Assert.IsType<EngineCommand>(request.Command);
        Assert.Equal(7ul, command.CorrelationId);
        Assert.Equal(CommandKind.Check, command.Kind);
        Assert.Equal("ord-1", command.ClientOrderId);
        Assert.Equal("BTC-PERP", command.InstrumentId);
        Assert.Equal(Side.Buy, command.Side);
        Assert.Equal(2m, command.Qty);
        Assert.Equal(50_000.5m, command.Price);
        Assert.True(command.ReduceOnly);
        Assert.Null(request.Immediate);
    }

    [Fact]
    public void Read_ZeroCorrelationId_IsMalformed()
        => AssertError(EngineMessages.Read(Message(0, Check()), Clock), 0, Wire.ErrorCode.Malformed, "correlation_id");

    [Fact]
    public void Read_NoBody_IsMalformed()
        => AssertError(EngineMessages.Read(new Wire.EngineMessage { CorrelationId = 3 }, Clock), 3, Wire.ErrorCode.Malformed, "body");

    [Fact]
    public void Read_Heartbeat_IsAnsweredUnderTheSameId()
    {
        var request = EngineMessages.Read(new Wire.EngineMessage { CorrelationId = 9, Heartbeat = new Wire.Heartbeat() }, Clock);

        Assert.Null(request.Command);
        Assert.Equal(9ul, request.Immediate!.CorrelationId);
        Assert.NotNull(request.Immediate.Heartbeat.SentAt);
    }

    [Theory]
    [InlineData("", "ord-1", Wire.ErrorCode.Malformed, "check.account_id")]
    [InlineData("acc-1", "", Wire.ErrorCode.Malformed, "check.client_order_id")]
    [InlineData("acc 1", "ord-1", Wire.ErrorCode.InvalidField, "check.account_id")]
    public void Read_CheckWithBadKey_NamesTheField(string account, string order, Wire.ErrorCode code, string field)
        => AssertError(EngineMessages.Read(Message(5, Check(account, order)), Clock), 5, code, field);

    [Fact]
    public void Read_CheckWithMalformedQty_IsInvalidField()
    {
        var check = Check();
        check.Qty = Dec(1, -5);

        AssertError(EngineMessages.Read(Message(5, check), Clock), 5, Wire.ErrorCode.InvalidField, "check.qty");
    }

    public static TheoryData<string> BadTerms => new() { "side", "qty0", "qtyHuge", "price0", "priceMissing", "instrument" };

    [Theory]
    [MemberData(nameof(BadTerms))]
    public void Read_CheckWithBadTerms_IsAnInvalidOrderReject(string term)
    {
        var check = Check();
        switch (term)
        {
            case "side": check.Side = Wire.Side.Unspecified; break;
            case "qty0": check.Qty = Dec(0); break;
            case "qtyHuge": check.Qty = Dec(2_000_000_000_000_000); break;
            case "price0": check.Price = Dec(0); break;
            case "priceMissing": check.Price = null; break;
            default: check.InstrumentId = ""; break;
        }

        var request = EngineMessages.Read(Message(11, check), Clock);

        Assert.Null(request.Command);
        var decision = request.Immediate!.Decision;
        Assert.Equal(11ul, request.Immediate.CorrelationId);
        Assert.Equal(Wire.Decision.Reject, decision.Decision);
        Assert.Equal(Wire.RejectReason.InvalidOrder, decision.RejectReason);
        Assert.Equal("acc-1", decision.AccountId);
        Assert.Equal("ord-1", decision.ClientOrderId);
        Assert.Null(decision.InitialMarginAfter);
    }

    [Fact]
    public void Read_ValidFill_MapsEveryField()
    {
        var command = EngineMessages.Read(new Wire.EngineMessage { CorrelationId = 4, Filled = Fill() }, Clock).Command!.Value;

        Assert.Equal(CommandKind.Fill, command.Kind);
        Assert.Equal("t-1", command.TradeId);
        Assert.Equal(Side.Sell, command.Side);
        Assert.Equal(-0.25m, command.Fee);
    }

    public static TheoryData<string, string, Wire.ErrorCode> BadFills => new()
    {
        { "trade", "filled.trade_id", Wire.ErrorCode.Malformed },
        { "qty", "filled.qty", Wire.ErrorCode.InvalidField },
        { "price", "filled.price", Wire.ErrorCode.InvalidField },
        { "side", "filled.side", Wire.ErrorCode.InvalidField },
        { "instrument", "filled.instrument_id", Wire.ErrorCode.InvalidField },
        { "fee", "filled.fee", Wire.ErrorCode.InvalidField },
    };

    [Theory]
    [MemberData(nameof(BadFills))]
    public void Read_FillWithBadField_NamesTheField(string bad, string field, Wire.ErrorCode code)
    {
        var fill = Fill();
        switch (bad)
        {
            case "trade": fill.TradeId = ""; break;
            case "qty": fill.Qty = Dec(0); break;
            case "price": fill.Price = Dec(-3); break;
            case "side": fill.Side = Wire.Side.Unspecified; break;
            case "instrument": fill.InstrumentId = ""; break;
            default: fill.Fee = Dec(-1, 5); break;
        }

        AssertError(EngineMessages.Read(new Wire.EngineMessage { CorrelationId = 6, Filled = fill }, Clock), 6, code, field);
    }

    [Fact]
    public void Read_CancelWithoutQty_CancelsAll_AndNegativeQtyIsRefused()
    {
        var cancel = new Wire.OrderCanceled { AccountId = "acc-1", ClientOrderId = "ord-1" };
        Assert.Equal(0m, EngineMessages.Read(new Wire.EngineMessage { CorrelationId = 1, Canceled = cancel }, Clock).Command!.Value.Qty);

        cancel.Qty = Dec(-1);
        AssertError(EngineMessages.Read(new Wire.EngineMessage { CorrelationId = 1, Canceled = cancel }, Clock), 1, Wire.ErrorCode.InvalidField, "canceled.qty");
    }

    [Fact]
    public void Read_AmendWithZeroPrice_IsAnInvalidOrderReject()
    {
        var amend = new Wire.OrderAmended { AccountId = "acc-1", ClientOrderId = "ord-1", Qty = Dec(1), Price = Dec(0) };

        var request = EngineMessages.Read(new Wire.EngineMessage { CorrelationId = 2, Amended = amend }, Clock);

        Assert.Equal(Wire.RejectReason.InvalidOrder, request.Immediate!.Decision.RejectReason);
    }

    [Fact]
    public void ReadCheck_UnaryWithoutOrder_IsMalformedOrder()
    {
        var e = Assert.Throws<InvalidFieldException>(() => EngineMessages.ReadCheck(null, 1, FieldPaths.Order));

        Assert.Equal("order", e.Field);
        Assert.Equal(Wire.ErrorCode.Malformed, e.Code);
    }

    [Fact]
    public void ReadCheck_Unary_UsesTheOrderPrefix()
    {
        var e = Assert.Throws<InvalidFieldException>(() => EngineMessages.ReadCheck(Check(account: ""), 1, FieldPaths.Order));

        Assert.Equal("order.account_id", e.Field);
    }

    private static void AssertError(EngineRequest request, ulong id, Wire.ErrorCode code, string field)
    {
        Assert.Null(request.Command);
        var reply = Assert.IsType<Wire.GridMessage>(request.Immediate);
        Assert.Equal(id, reply.CorrelationId);
        Assert.Equal(Wire.GridMessage.BodyOneofCase.Error, reply.BodyCase);
        Assert.Equal(code, reply.Error.Code);
        Assert.Equal(field, reply.Error.Field);
        Assert.StartsWith(field, reply.Error.Message, StringComparison.Ordinal);
    }
}

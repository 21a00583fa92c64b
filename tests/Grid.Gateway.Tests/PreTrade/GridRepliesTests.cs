using Grid.Abstractions.Engine;
using Grid.Gateway.PreTrade;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Xunit;
using static Grid.Gateway.Tests.Fakes.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.PreTrade;

public sealed class GridRepliesTests
{
    [Fact]
    public void From_Accept_CarriesEveryFigure()
    {
        var reply = new EngineReply
        {
            Kind = ReplyKind.Decision,
            Decision = Decision.AcceptRiskReducing,
            ImBefore = 10.5m,
            ImAfter = 12.25m,
            AvailableAfter = 100m,
            Equity = 200m,
            MmAfter = 3m,
            Replayed = true,
            State = AccountState.ReduceOnly,
        };

        var message = GridReplies.From("acc-1", Command(42, "ord-9"), reply);

        Assert.Equal(42ul, message.CorrelationId);
        var d = message.Decision;
        Assert.Equal("acc-1", d.AccountId);
        Assert.Equal("ord-9", d.ClientOrderId);
        Assert.Equal(Wire.Decision.AcceptRiskReducing, d.Decision);
        Assert.Equal(Wire.RejectReason.Unspecified, d.RejectReason);
        Assert.Equal(12, d.InitialMarginAfter.Units);
        Assert.Equal(250_000_000, d.InitialMarginAfter.Nanos);
        Assert.True(d.Replayed);
        Assert.Equal(Wire.AccountState.ReduceOnly, d.AccountState);
    }

    [Theory]
    [InlineData(RejectReason.InstrumentHalted, false)]
    [InlineData(RejectReason.MaxPosition, false)]
    [InlineData(RejectReason.AccountFrozen, false)]
    [InlineData(RejectReason.InsufficientMargin, true)]
    public void From_Reject_HasFiguresOnlyAfterTheMarginTest(RejectReason reason, bool figures)
    {
        var reply = new EngineReply { Kind = ReplyKind.Decision, Decision = Decision.Reject, Reason = reason, Shortfall = 5m };

        var d = GridReplies.From("acc-1", Command(1), reply).Decision;

        Assert.Equal((int)reason, (int)d.RejectReason);
        Assert.Equal(figures, d.Shortfall is not null);
    }

    [Fact]
    public void From_FillAck_NamesTheTrade()
    {
        var fill = Command(8) with { Kind = CommandKind.Fill, TradeId = "t-8" };
        var reply = new EngineReply { Kind = ReplyKind.Ack, RemainingQty = 0.5m, OrderKnown = true, Replayed = true, State = AccountState.Ok };

        var ack = GridReplies.From("acc-1", fill, reply).Ack;

        Assert.Equal(Wire.AckKind.Fill, ack.Kind);
        Assert.Equal("t-8", ack.TradeId);
        Assert.True(ack.Duplicate);
        Assert.True(ack.OrderKnown);
        Assert.Equal(500_000_000, ack.RemainingQty.Nanos);
    }

    [Theory]
    [InlineData(CommandKind.Amend, ErrorCode.UnknownOrder, Wire.RejectReason.UnknownOrder)]
    [InlineData(CommandKind.Check, ErrorCode.UnknownInstrument, Wire.RejectReason.UnknownInstrument)]
    public void From_UnknownOrderOrInstrumentOnADecision_IsAReject(CommandKind kind, ErrorCode error, Wire.RejectReason expected)
    {
        var command = Command(3) with { Kind = kind };

        var message = GridReplies.From("acc-1", command, EngineReply.Fail(command, error, "client_order_id: is not resting"));

        Assert.Equal(expected, message.Decision.RejectReason);
    }

    [Fact]
    public void From_ErrorReply_SplitsTheFieldOffTheMessage()
    {
        var fill = Command(5) with { Kind = CommandKind.Fill };

        var message = GridReplies.From("acc-1", fill, EngineReply.Fail(fill, ErrorCode.InvalidField, "qty: fill 3 exceeds the remaining 2"));

        Assert.Equal(5ul, message.CorrelationId);
        Assert.Equal(Wire.ErrorCode.InvalidField, message.Error.Code);
        Assert.Equal("qty", message.Error.Field);
        Assert.Equal("qty: fill 3 exceeds the remaining 2", message.Error.Message);
    }

    [Fact]
    public void From_UnavailableReply_IsARetriableError()
    {
        var command = Command(6);

        var message = GridReplies.From("acc-1", command, EngineReply.Fail(command, ErrorCode.Unavailable, "storage write failed; nothing was applied, retry"));

        Assert.Equal(Wire.ErrorCode.Unavailable, message.Error.Code);
        Assert.Equal("", message.Error.Field);
    }

    [Fact]
    public void From_WithAPool_AReusedMessageEqualsAFreshReply_WhateverItHeldBefore()
    {
        var pool = new ReplyPool(4);
        var accept = new EngineReply { Kind = ReplyKind.Decision, Decision = Decision.Accept, Shortfall = 1m, ImBefore = 2m, ImAfter = 3m, AvailableAfter = 4m, Equity = 5m, MmAfter = 6m, Replayed = true, State = AccountState.ReduceOnly };
        var halted = new EngineReply { Kind = ReplyKind.Decision, Decision = Decision.Reject, Reason = RejectReason.InstrumentHalted };
        var fill = Command(3) with { Kind = CommandKind.Fill, ClientOrderId = "o-3", TradeId = "t-3" };
        var cancel = Command(4) with { Kind = CommandKind.Cancel, ClientOrderId = "o-4" };
        var filled = new EngineReply { Kind = ReplyKind.Ack, RemainingQty = 0.5m, AvailableAfter = 7m, OrderKnown = true, Replayed = true, State = AccountState.Ok };
        var canceled = new EngineReply { Kind = ReplyKind.Ack, RemainingQty = 0m, AvailableAfter = 8m, State = AccountState.Liquidate };

        var first = GridReplies.From("acc-1", Command(1, "o-1"), accept, pool);
        pool.Return(first);
        var second = GridReplies.From("acc-2", Command(2, "o-2"), halted, pool);
        var ack = GridReplies.From("acc-1", fill, filled, pool);
        pool.Return(ack);
        var reusedAck = GridReplies.From("acc-1", cancel, canceled, pool);

        Assert.Same(first, second);
        Assert.Equal(GridReplies.From("acc-2", Command(2, "o-2"), halted), second);
        Assert.Null(second.Decision.Shortfall);
        Assert.Same(ack, reusedAck);
        Assert.Equal(GridReplies.From("acc-1", cancel, canceled), reusedAck);
        Assert.Equal("", reusedAck.Ack.TradeId);
    }

    [Fact]
    public void ReplyPool_TakesBackOnlyDecisionsAndAcks_UpToItsCapacity()
    {
        var pool = new ReplyPool(1);
        var error = GridReplies.Error(1, new Wire.ErrorDetail { Code = Wire.ErrorCode.Internal });
        var a = pool.Decision();
        var b = pool.Decision();

        pool.Return(error);
        pool.Return(a);
        pool.Return(b);

        Assert.Same(a, pool.Decision());
        Assert.NotSame(b, pool.Decision());
        Assert.Equal(Wire.GridMessage.BodyOneofCase.Ack, pool.Ack().BodyCase);
    }
}

using Google.Protobuf;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;
using WireDecimal = Grid.Api.V1.Decimal;

namespace Grid.Host.Tests;

/// <summary>Malformed messages get clear errors with their correlation id, and the stream keeps working.</summary>
[Collection(GridHost.Name)]
public sealed class MalformedInputEndToEndTests(GridHostFixture grid)
{
    public static TheoryData<string, EngineMessage, string> Malformed => new()
    {
        { "empty body", new EngineMessage(), "" },
        { "missing account", Check(0, "", "o1", "BTC-PERP", Side.Buy, 1, 60_000), "account_id" },
        { "missing instrument", Check(0, "e2e-bad", "o1", "", Side.Buy, 1, 60_000), "instrument" },
        { "negative qty", Check(0, "e2e-bad", "o1", "BTC-PERP", Side.Buy, -1, 60_000), "qty" },
        { "zero price", Check(0, "e2e-bad", "o1", "BTC-PERP", Side.Buy, 1, 0), "price" },
        { "bad decimal", WithQty(new WireDecimal { Units = 1, Nanos = 2_000_000_000 }), "qty" },
        { "mixed-sign decimal", WithQty(new WireDecimal { Units = 1, Nanos = -5 }), "qty" },
        { "no side", Check(0, "e2e-bad", "o1", "BTC-PERP", Side.Unspecified, 1, 60_000), "side" },
        { "oversized id", Check(0, new string('a', 500), "o1", "BTC-PERP", Side.Buy, 1, 60_000), "account_id" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedMessage_IsAnsweredAndTheStreamKeepsWorking(string what, EngineMessage bad, string field)
    {
        await grid.Fund("e2e-bad", "USD", 100_000);
        await using var engine = grid.Stream();
        var reply = await engine.Send(bad);
        if (reply.BodyCase == GridMessage.BodyOneofCase.Error)
        {
            Assert.Contains(field, reply.Error.Field + " " + reply.Error.Message);
        }
        else
        {
            Assert.True(reply.BodyCase == GridMessage.BodyOneofCase.Decision && reply.Decision.Decision == Decision.Reject, $"{what}: {reply}");
            Assert.Equal(RejectReason.InvalidOrder, reply.Decision.RejectReason);
        }

        var good = await engine.Send(Check(0, "e2e-bad", $"ok-{Guid.NewGuid():N}", "BTC-PERP", Side.Buy, 0.01m, 60_000));
        Assert.Equal(Decision.Accept, good.Decision.Decision);
    }

    [Fact]
    public async Task UnknownInstrument_IsRejectedWithItsReason()
    {
        await grid.Fund("e2e-bad", "USD", 100_000);
        await using var engine = grid.Stream();
        var reply = await engine.Send(Check(0, "e2e-bad", "u1", "NOPE-PERP", Side.Buy, 1, 1));
        Assert.Equal(RejectReason.UnknownInstrument, reply.Decision.RejectReason);
    }

    [Fact]
    public async Task OversizedMessage_IsRefusedWithResourceExhausted()
    {
        var huge = Check(0, "e2e-bad", "big", "BTC-PERP", Side.Buy, 1, 60_000);
        huge.Check.ClientOrderId = new string('x', 200_000);
        var e = await Assert.ThrowsAsync<RpcException>(() => grid.PreTrade.CheckAsync(new CheckOrderRequest { Order = huge.Check }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public async Task UnaryCheck_BadField_IsInvalidArgumentNamingIt()
    {
        var bad = Check(0, "e2e-bad", "u2", "BTC-PERP", Side.Buy, 1, 60_000).Check;
        bad.Price = new WireDecimal { Units = 5, Nanos = 1_500_000_000 };
        var e = await Assert.ThrowsAsync<RpcException>(() => grid.PreTrade.CheckAsync(new CheckOrderRequest { Order = bad }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("price", e.Status.Detail);
    }

    private static EngineMessage WithQty(WireDecimal qty)
    {
        var m = Check(0, "e2e-bad", "o1", "BTC-PERP", Side.Buy, 1, 60_000);
        m.Check.Qty = qty;
        return m;
    }
}

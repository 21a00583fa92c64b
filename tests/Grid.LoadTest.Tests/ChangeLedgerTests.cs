using Grid.Api.V1;
using Grid.LoadTest.Chaos;
using static Grid.LoadTest.Tests.ChaosWire;

namespace Grid.LoadTest.Tests;

/// <summary>The ledger keeps what the grid acknowledged, once per idempotency key, and nothing else.</summary>
public sealed class ChangeLedgerTests
{
    [Fact]
    public void AcceptedCheck_IsAnOrder_ARejectedOneIsNothing()
    {
        var ledger = new ChangeLedger();
        ledger.Record(Check("o1", Side.Buy, 2), Accepted());
        ledger.Record(Check("o2", Side.Sell, 1), Rejected());

        var order = Assert.Single(ledger.For(Account).Orders.Values);
        Assert.Equal(("o1", 2m, 2m), (order.ClientOrderId, order.Qty, order.Remaining));
        Assert.Equal(1, ledger.Acknowledged);
    }

    [Fact]
    public void ReplayedDecisionAndDuplicateAck_AreTheSameChange()
    {
        var ledger = new ChangeLedger();
        ledger.Record(Check("o1", Side.Buy, 2), Accepted());
        ledger.Record(Check("o1", Side.Buy, 2), Accepted(replayed: true));
        ledger.Record(Fill("o1", "t1", Side.Buy, 0.5m, 100), Ack());
        ledger.Record(Fill("o1", "t1", Side.Buy, 0.5m, 100), Ack(duplicate: true));

        var account = ledger.For(Account);
        Assert.Equal(2, ledger.Acknowledged);
        Assert.Single(account.Fills);
        Assert.Equal(1.5m, account.Orders["o1"].Remaining);
        Assert.Equal(0.5m, account.Positions()["BTC-PERP"]);
    }

    [Fact]
    public void ErrorReplies_RecordNothing()
    {
        var ledger = new ChangeLedger();
        ledger.Record(Check("o1", Side.Buy, 2), Error(ErrorCode.Unavailable));
        ledger.Record(Fill("o1", "t1", Side.Buy, 1, 100), Error(ErrorCode.InvalidField));
        ledger.Record(Cancel("o1"), Error(ErrorCode.Unavailable));

        Assert.Equal(0, ledger.Acknowledged);
        Assert.Empty(ledger.For(Account).Orders);
        Assert.Empty(ledger.For(Account).Fills);
    }

    [Fact]
    public void FullCancel_LeavesNothingToRest_APartialCancelIsNotTracked()
    {
        var ledger = new ChangeLedger();
        ledger.Record(Check("o1", Side.Buy, 2), Accepted());
        var partial = Cancel("o1");
        partial.Canceled.Qty = Workload.WireDecimals.From(1);
        ledger.Record(partial, Ack());
        Assert.Equal(2m, ledger.For(Account).Orders["o1"].Remaining);

        ledger.Record(Cancel("o1"), Ack());
        ledger.Record(Cancel("o1"), Ack());

        Assert.Equal(0m, ledger.For(Account).Orders["o1"].Remaining);
        Assert.Equal(2, ledger.Acknowledged);
    }

    [Fact]
    public void FillOfAnOrderNoLongerHeld_StillMovesThePosition()
    {
        var ledger = new ChangeLedger();
        ledger.Record(Fill("gone", "t9", Side.Sell, 3, 100), Ack());

        Assert.Equal(-3m, ledger.For(Account).Positions()["BTC-PERP"]);
        Assert.Equal(-300m, ledger.For(Account).Traded()["BTC-PERP"]);
    }
}

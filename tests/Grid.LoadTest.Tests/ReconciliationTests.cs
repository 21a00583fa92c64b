using Grid.Api.V1;
using Grid.LoadTest.Chaos;
using static Grid.LoadTest.Tests.ChaosWire;

namespace Grid.LoadTest.Tests;

/// <summary>Each kind of discrepancy between the ledger and the account is found and named; a faithful account is clean.</summary>
public sealed class ReconciliationTests
{
    // Buy 2 @ 100 (order o1, in two fills), sell 0.5 @ 110 (o2, all of it): 1.5 long at entry 100, 5 USDT realised; o3 rests 4.
    private static ChangeLedger Traded()
    {
        var ledger = new ChangeLedger();
        ledger.Record(Check("o1", Side.Buy, 2), Accepted());
        ledger.Record(Fill("o1", "t1", Side.Buy, 1, 100), Ack());
        ledger.Record(Fill("o1", "t2", Side.Buy, 1, 100), Ack());
        ledger.Record(Check("o2", Side.Sell, 0.5m), Accepted());
        ledger.Record(Fill("o2", "t3", Side.Sell, 0.5m, 110), Ack());
        ledger.Record(Check("o3", Side.Buy, 4), Accepted());
        ledger.Record(Check("o4", Side.Buy, 1), Accepted());
        ledger.Record(Cancel("o4"), Ack());
        return ledger;
    }

    private static Discrepancies Reconcile(Portfolio portfolio, ChangeLedger? ledger = null)
        => Reconciliation.Check(Account, (ledger ?? Traded()).For(Account), portfolio, Deposit);

    [Fact]
    public void FaithfulAccount_IsClean()
    {
        var found = Reconcile(Portfolio(5m, ("BTC-PERP", 1.5m, 100m)).Resting("o3", 4));

        Assert.True(found.Clean, string.Join("; ", found.Notes));
    }

    [Fact]
    public void AcceptedOrderMissing_IsLost()
    {
        var found = Reconcile(Portfolio(5m, ("BTC-PERP", 1.5m, 100m)));

        Assert.Equal(1, found.Lost);
        Assert.Contains("o3", found.Notes.Single());
    }

    [Fact]
    public void CancelledOrderStillResting_IsLost()
    {
        var found = Reconcile(Portfolio(5m, ("BTC-PERP", 1.5m, 100m)).Resting("o3", 4).Resting("o4", 1));

        Assert.Equal((1, 0, 0), (found.Lost, found.AppliedTwice, found.Unacknowledged));
    }

    [Fact]
    public void FillNotBooked_IsLost_ByTradeId()
    {
        // t3 (the sell) missing: 2 long, nothing realised.
        var found = Reconcile(Portfolio(0m, ("BTC-PERP", 2m, 100m)).Resting("o3", 4));

        Assert.Equal(1, found.Lost);
        Assert.Equal(0, found.AppliedTwice);
        Assert.Contains(found.Notes, n => n.Contains("t3", StringComparison.Ordinal));
    }

    [Fact]
    public void FillBookedTwice_IsAppliedTwice()
    {
        // t3 booked twice: 1 long, 5 realised on each.
        var found = Reconcile(Portfolio(10m, ("BTC-PERP", 1m, 100m)).Resting("o3", 4));

        Assert.Equal(1, found.AppliedTwice);
        Assert.Contains(found.Notes, n => n.Contains("t3", StringComparison.Ordinal) && n.Contains("twice", StringComparison.Ordinal));
    }

    [Fact]
    public void RemainingAboveTheLedger_IsALostFill_BelowIsOneBookedTwice()
    {
        var ledger = new ChangeLedger();
        ledger.Record(Check("o1", Side.Buy, 4), Accepted());
        ledger.Record(Fill("o1", "t1", Side.Buy, 1, 100), Ack());

        var lost = Reconcile(Portfolio(0m, ("BTC-PERP", 1m, 100m)).Resting("o1", 4), ledger);
        var twice = Reconcile(Portfolio(0m, ("BTC-PERP", 1m, 100m)).Resting("o1", 2), ledger);

        Assert.Equal((1, 0), (lost.Lost, lost.AppliedTwice));
        Assert.Equal((0, 1), (twice.Lost, twice.AppliedTwice));
    }

    [Fact]
    public void OrderNeverAcknowledged_ButResting_IsUnacknowledged()
    {
        var found = Reconcile(Portfolio(5m, ("BTC-PERP", 1.5m, 100m)).Resting("o3", 4).Resting("ghost", 1));

        Assert.Equal(1, found.Unacknowledged);
        Assert.Equal(0, found.Lost);
    }

    [Fact]
    public void BalanceThatDoesNotAddUp_IsOther()
    {
        var found = Reconcile(Portfolio(5.5m, ("BTC-PERP", 1.5m, 100m)).Resting("o3", 4));

        Assert.Equal(1, found.Other);
        Assert.Equal(0, found.Lost + found.AppliedTwice);
    }

    [Fact]
    public void PositionOffByNoSingleFill_IsOther()
    {
        var found = Reconcile(Portfolio(5m, ("BTC-PERP", 1.3m, 100m)).Resting("o3", 4));

        Assert.True(found.Other >= 1);
        Assert.Equal(0, found.Lost + found.AppliedTwice);
    }

    [Fact]
    public void AccountWithAnUnansweredMessage_IsUncertain_NotJudged()
    {
        var ledger = Traded();
        ledger.Unresolved(Account);

        var found = Reconcile(Portfolio(0m), ledger);

        Assert.Equal((1, 0, 0), (found.Uncertain, found.Lost, found.Other));
        Assert.False(found.Clean);
    }

    [Theory]
    [InlineData(1, 110, 0)] // booked as sent: buy 100, buy 120 (entry 110), sell 110 realises 0
    [InlineData(1, 120, 10)] // the sell booked before the second buy: realises 10 at entry 100, then 1 long at 120
    public void RealisedPnl_DoesNotDependOnTheOrderTheFillsWereBooked(decimal qty, decimal entry, decimal realised)
    {
        var ledger = new ChangeLedger();
        ledger.Record(Fill("a", "t1", Side.Buy, 1, 100), Ack());
        ledger.Record(Fill("b", "t2", Side.Buy, 1, 120), Ack());
        ledger.Record(Fill("c", "t3", Side.Sell, 1, 110), Ack());

        var found = Reconcile(Portfolio(realised, ("BTC-PERP", qty, entry)), ledger);

        Assert.True(found.Clean, string.Join("; ", found.Notes));
    }
}

using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Market;
using Grid.Risk.Monitoring;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Tests.Supervision;

/// <summary>The anti-procyclicality buffer (§5.5): PM IM × (1 + b) everywhere the account is held to it; MM, the liquidation end and STD untouched.</summary>
public sealed class ApcBufferTests
{
    private static readonly Rulebook Buffered = Rulebook.Default with { Apc = new ApcRules { Buffer = 0.25 } };

    [Fact]
    public void Buffer_ScalesPmIm_NotMm()
    {
        var (plain, buffered) = Books(MarginRegime.Pm, usd: 12_000, btcPerp: 1);
        var p = plain.Figures();
        var b = buffered.Figures();
        Assert.Equal(p.Im * 1.25, b.Im, 9);
        Assert.Equal(p.ImPositions * 1.25, b.ImPositions, 9);
        Assert.Equal(p.Mm, b.Mm);
        Assert.Equal(p.Ae, b.Ae);

        var report = buffered.Evaluate();
        Assert.Equal((b.Im, b.ImPositions, b.Mm, b.State), (report.Im, report.ImPositions, report.Mm, report.State));
        Assert.Equal(plain.Evaluate().LiquidationEnd, report.LiquidationEnd);
        Assert.Equal(report.AeAfterOrderCosts - report.Im, report.Excess, 9);
    }

    [Fact]
    public void Buffer_CanTurnOkIntoReduceOnly_ButNeverLiquidates()
    {
        // BTC-PERP 1 at 60,000: IM = 0.16 × 60,000 = 9,600; AE 11,000 is OK at b = 0, below 12,000 at b = 0.25, above MM 7,680.
        var (plain, buffered) = Books(MarginRegime.Pm, usd: 11_000, btcPerp: 1);
        Assert.Equal(9_600, plain.Figures().Im, 6);
        Assert.Equal(AccountState.Ok, plain.Figures().State);
        Assert.Equal(AccountState.ReduceOnly, buffered.Figures().State);
        Assert.Equal(AccountState.ReduceOnly, buffered.Evaluate().StatePositionsOnly);
        var (_, poor) = Books(MarginRegime.Pm, usd: 7_700, btcPerp: 1);
        Assert.Equal(AccountState.ReduceOnly, poor.Figures().State);
    }

    [Fact]
    public void Buffer_HoldsPreTradeChecksToTheBufferedIm()
    {
        var (plain, buffered) = Books(MarginRegime.Pm, usd: 20_000, btcPerp: 0);
        var p = plain.Check("BTC-PERP", Side.Buy, 1.9, 60_000);
        var b = buffered.Check("BTC-PERP", Side.Buy, 1.9, 60_000);
        Assert.Equal(Decision.Accept, p.Decision);
        Assert.Equal(Decision.Reject, b.Decision);
        Assert.Equal(p.Im * 1.25, b.Im, 6);
        Assert.Equal(b.Im - b.Ae, b.Shortfall, 6);
        Assert.Equal(p.Mm, b.Mm);
        Assert.True(MaxOrderSize.Of(buffered, "BTC-PERP", Side.Buy, 60_000) < MaxOrderSize.Of(plain, "BTC-PERP", Side.Buy, 60_000) / 1.2);
    }

    [Fact]
    public void Buffer_LeavesStdAccounts()
    {
        var (plain, buffered) = Books(MarginRegime.Std, usd: 20_000, btcPerp: 2);
        Assert.Equal(plain.Figures(), buffered.Figures());
    }

    [Fact]
    public void Buffer_ReachesTheMonitorsReplicas()
    {
        var (plain, buffered) = Books(MarginRegime.Pm, usd: 11_000, btcPerp: 1);
        var monitor = new MarginMonitor(partitions: 1);
        monitor.Upsert(MonitoredAccount.From("a", 1, plain));
        var sweep = monitor.Sweep(buffered.Model);
        Assert.Equal(AccountState.ReduceOnly, Assert.Single(sweep.Transitions).To);
        Assert.Equal(buffered.Figures().Im, monitor.Find("a")!.Figures.Im, 9);
    }

    private static (AccountBook Plain, AccountBook Buffered) Books(MarginRegime regime, double usd, double btcPerp)
    {
        var portfolio = new Portfolio
        {
            Regime = regime,
            Balances = new Dictionary<string, double> { ["USD"] = usd },
            Positions = btcPerp == 0 ? [] : [new Position("BTC-PERP", btcPerp, 60_000)],
        };
        var plain = AccountBook.Create(TestMarket.Model(), portfolio);
        var buffered = AccountBook.Create(RiskModel.Build(Buffered, [TestMarket.Perp, TestMarket.Call], TestMarket.Market()), portfolio);
        return (plain, buffered);
    }
}

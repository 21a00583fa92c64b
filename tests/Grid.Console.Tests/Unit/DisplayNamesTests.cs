using Grid.Console.Views;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Console.Tests.Unit;

public sealed class DisplayNamesTests
{
    [Theory]
    [InlineData("InsufficientMargin", "insufficient_margin", "Insufficient margin")]
    [InlineData("insufficient_margin", "insufficient_margin", "Insufficient margin")]
    [InlineData("ReduceOnly", "reduce_only", "Reduce only")]
    [InlineData("none", "none", "None")]
    public void NamesBecomeCodesAndLabels(string name, string code, string label)
    {
        Assert.Equal(code, DisplayNames.Code(name));
        Assert.Equal(label, DisplayNames.Label(name));
    }

    [Fact]
    public void EnumsHaveStableCodes()
    {
        Assert.Equal(["ok", "reduce_only", "liquidate", "bankrupt"],
            new[] { AccountState.Ok, AccountState.ReduceOnly, AccountState.Liquidate, AccountState.Bankrupt }.Select(DisplayNames.State));
        Assert.Equal(["accept", "accept_risk_reducing", "reject"],
            new[] { Decision.Accept, Decision.AcceptRiskReducing, Decision.Reject }.Select(DisplayNames.Decision));
        Assert.Equal("none", DisplayNames.Reason(RejectReason.None));
        Assert.Equal("price_outside_band", DisplayNames.Reason(RejectReason.PriceOutsideBand));
    }
}

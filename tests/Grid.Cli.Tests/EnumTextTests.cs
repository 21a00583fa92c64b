using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Tests;

/// <summary>Contract enums print and parse by their proto names without the enum prefix.</summary>
public sealed class EnumTextTests
{
    [Fact]
    public void Format_KnownValues_DropThePrefix()
    {
        Assert.Equal("ACCEPT", EnumText.Format(Decision.Accept));
        Assert.Equal("ACCEPT_RISK_REDUCING", EnumText.Format(Decision.AcceptRiskReducing));
        Assert.Equal("INSUFFICIENT_MARGIN", EnumText.Format(RejectReason.InsufficientMargin));
        Assert.Equal("REDUCE_ONLY", EnumText.Format(AccountState.ReduceOnly));
        Assert.Equal("PM", EnumText.Format(MarginRegime.Pm));
        Assert.Equal("LINEAR_PERP", EnumText.Format(InstrumentKind.LinearPerp));
        Assert.Equal("INVALID_FIELD", EnumText.Format(ErrorCode.InvalidField));
    }

    [Fact]
    public void Format_Unspecified_IsADash()
    {
        Assert.Equal("-", EnumText.Format(RejectReason.Unspecified));
        Assert.Equal("-", EnumText.Format(MarginRegime.Unspecified));
    }

    [Fact]
    public void Format_ValueFromANewerServer_IsItsNumber()
    {
        Assert.Equal("6001", EnumText.Format((RejectReason)6001));
    }

    [Theory]
    [InlineData("reduce-only", AccountState.ReduceOnly)]
    [InlineData("REDUCE_ONLY", AccountState.ReduceOnly)]
    [InlineData("Ok", AccountState.Ok)]
    [InlineData("liquidate", AccountState.Liquidate)]
    [InlineData("bankrupt", AccountState.Bankrupt)]
    public void Parse_ReadableName_IsCaseAndDashInsensitive(string text, AccountState expected)
    {
        Assert.True(EnumText.TryParse<AccountState>(text, out var state));
        Assert.Equal(expected, state);
    }

    [Theory]
    [InlineData("unspecified")]
    [InlineData("-")]
    [InlineData("ACCOUNT_STATE_OK")]
    [InlineData("2")]
    [InlineData("")]
    public void Parse_UnspecifiedPrefixedOrNumeric_IsRefused(string text)
    {
        Assert.False(EnumText.TryParse<AccountState>(text, out _));
    }

    [Fact]
    public void Choices_ListsSpellingsForHelp()
    {
        Assert.Equal("ok|reduce-only|liquidate|bankrupt", EnumText.Choices<AccountState>());
        Assert.Equal("buy|sell", EnumText.Choices<Side>());
        Assert.Equal("pm|std", EnumText.Choices<MarginRegime>());
    }
}

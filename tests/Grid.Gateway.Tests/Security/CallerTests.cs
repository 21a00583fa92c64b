using Grid.Gateway.Security;
using Xunit;

namespace Grid.Gateway.Tests.Security;

public sealed class CallerTests
{
    [Theory]
    [InlineData("venue-a-*", "venue-a-1", true)]
    [InlineData("venue-a-*", "venue-a-", true)]
    [InlineData("venue-a-*", "venue-b-1", false)]
    [InlineData("venue-a-*", "venue-a", false)]
    [InlineData("acct-7", "acct-7", true)]
    [InlineData("acct-7", "acct-70", false)]
    [InlineData("*", "anything", true)]
    public void Scope_MatchesExactIdsPrefixesAndStar(string pattern, string account, bool allowed)
    {
        var engine = new Caller("k", GatewayRole.Engine, [pattern]);
        Assert.Equal(allowed, engine.MayAct(account));
        Assert.Equal(pattern == "*", engine.Unscoped);
    }

    [Fact]
    public void Admin_ActsOnEveryAccount_AndAKeyWithoutScopeOnNone()
    {
        Assert.True(new Caller("a", GatewayRole.Admin, []).MayAct("x"));
        Assert.True(new Caller("a", GatewayRole.Admin, []).Unscoped);
        Assert.False(new Caller("t", GatewayRole.Trader, []).MayAct("x"));
    }
}

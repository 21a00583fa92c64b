using Grid.LoadTest.Options;
using Grid.LoadTest.Running;

namespace Grid.LoadTest.Tests;

/// <summary>Accounts are funded through the gateway their stream uses, so they activate where their traffic lands.</summary>
public sealed class FundingTargetTests
{
    private static readonly Uri[] Targets = [new("http://127.0.0.1:5110"), new("http://127.0.0.1:5120"), new("http://127.0.0.1:5130")];

    [Theory]
    [InlineData(0, 6, 3, 0)]
    [InlineData(4, 6, 3, 1)]
    [InlineData(5, 6, 3, 2)]
    [InlineData(7, 6, 3, 1)]
    [InlineData(3, 2, 3, 1)]
    [InlineData(9, 4, 1, 0)]
    public void TargetIndex_IsTheStreamsTarget(int index, int streams, int targets, int expected)
        => Assert.Equal(expected, AccountSet.TargetIndex(index, streams, targets));

    [Fact]
    public void ByFundingTarget_ViaStream_PutsEachAccountOnItsStreamsTarget()
    {
        var accounts = new AccountSet("load-", 12, 2, makers: 3);

        var groups = accounts.ByFundingTarget(6, Targets, viaStream: true);

        Assert.Equal(Targets, groups.Select(g => g.Target));
        Assert.Equal(15, groups.Sum(g => g.Accounts.Count));
        for (var t = 0; t < Targets.Length; t++)
        {
            // Stream s serves accounts i with i mod 6 = s and uses target s mod 3.
            foreach (var id in groups[t].Accounts.Where(a => !a.StartsWith("load-mm", StringComparison.Ordinal)))
            {
                Assert.Equal(t, int.Parse(id["load-".Length..], System.Globalization.CultureInfo.InvariantCulture) % 6 % 3);
            }
        }

        Assert.Contains("load-mm1", groups[1].Accounts);
    }

    [Fact]
    public void ByFundingTarget_ViaFirst_PutsEveryAccountOnTheFirstTarget()
    {
        var groups = new AccountSet("load-", 12, 2).ByFundingTarget(6, Targets, viaStream: false);

        var only = Assert.Single(groups);
        Assert.Equal(Targets[0], only.Target);
        Assert.Equal(12, only.Accounts.Count);
    }

    [Fact]
    public void FundViaFirst_IsASwitch_AndStreamTargetsTheDefault()
    {
        Assert.True(ArgumentParser.Parse([]).FundViaStreamTarget);
        Assert.False(ArgumentParser.Parse(["--fund-via-first"]).FundViaStreamTarget);
    }
}

using Grid.Abstractions.Engine;
using Grid.Gateway.PreTrade;
using Grid.Gateway.Tests.Fakes;
using Xunit;

namespace Grid.Gateway.Tests.PreTrade;

/// <summary>The pre-trade path's cache of account grain references (no GetGrain per message).</summary>
public sealed class AccountGrainReferencesTests
{
    private readonly List<string> _calledKeys = [];
    private readonly AccountGrainReferences _references;

    public AccountGrainReferencesTests()
    {
        _references = new AccountGrainReferences(FakeGrains.Create((_, key, _, _) =>
        {
            _calledKeys.Add(key);
            return new ValueTask<EngineReply[]>([]);
        }));
    }

    [Fact]
    public void Of_SameAccountTwice_ResolvesOnce()
    {
        // The fake factory makes a new proxy per GetGrain: the same object twice means it was cached.
        Assert.Same(_references.Of("acct-1"), _references.Of("acct-1"));
    }

    [Fact]
    public async Task Of_ManyAccounts_EachReferenceCallsItsOwnAccount()
    {
        // More accounts than slots: colliding accounts overwrite each other's slot and are resolved again, never confused.
        var accounts = Enumerable.Range(0, AccountGrainReferences.Slots + 1000).Select(i => $"acct-{i}").ToArray();
        foreach (var account in accounts)
        {
            _references.Of(account);
        }

        foreach (var account in accounts.Take(2000).Concat(accounts.TakeLast(2000)))
        {
            await _references.Of(account).Execute([]);
        }

        Assert.Equal(accounts.Take(2000).Concat(accounts.TakeLast(2000)), _calledKeys);
    }
}

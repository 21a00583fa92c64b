using Grid.Abstractions.Risk;
using Grid.Risk.Accounts;

namespace Grid.Grains.Tests;

/// <summary>A RiskEvents backlog coalesces per account, keeps every account and every house event, never reorders an account.</summary>
public sealed class RiskEventQueueTests
{
    [Fact]
    public void Offer_TwiceForOneAccount_KeepsTheLatestWithTheFirstPreviousState()
    {
        var queue = new RiskEventQueue(10);
        queue.Offer(Change("a", AccountState.Ok, AccountState.ReduceOnly, equity: 1));
        queue.Offer(Change("a", AccountState.ReduceOnly, AccountState.Liquidate, equity: 2));

        Assert.True(queue.TryTake(out var e));
        Assert.Equal(("a", AccountState.Ok, AccountState.Liquidate, 2m), (e.AccountId, e.PreviousState, e.State, e.Equity));
        Assert.False(queue.TryTake(out _));
    }

    [Fact]
    public void HoldsChange_OnlyForAPendingStateChange()
    {
        var queue = new RiskEventQueue(10);
        queue.Offer(Change("notice", AccountState.Liquidate, AccountState.Liquidate));
        queue.Offer(Change("moved", AccountState.Ok, AccountState.Liquidate));

        Assert.False(queue.HoldsChange("notice"));
        Assert.True(queue.HoldsChange("moved"));
        Assert.False(queue.HoldsChange("absent"));
        TakeAll(queue);
        Assert.False(queue.HoldsChange("moved"));
    }

    [Fact]
    public void Offer_OneAccountFloods_OtherAccountsAreKeptInTheirOrder()
    {
        var queue = new RiskEventQueue(3);
        queue.Offer(Change("a", AccountState.Ok, AccountState.ReduceOnly));
        for (var i = 0; i < 10_000; i++)
        {
            queue.Offer(Change("flood", i % 2 == 0 ? AccountState.Ok : AccountState.ReduceOnly, i % 2 == 0 ? AccountState.ReduceOnly : AccountState.Ok, equity: i));
        }

        queue.Offer(Change("b", AccountState.Ok, AccountState.Liquidate));

        Assert.Equal(3, queue.Count);
        Assert.Equal(0, queue.Dropped);
        Assert.Equal(["a", "flood", "b"], TakeAll(queue).ConvertAll(e => e.AccountId));
    }

    [Fact]
    public void TryTake_AfterEachOffer_GivesAnAccountsEventsInOrder()
    {
        var queue = new RiskEventQueue(2);
        var states = new[] { AccountState.Ok, AccountState.ReduceOnly, AccountState.Liquidate, AccountState.Bankrupt };
        var taken = new List<RiskEventData>();
        for (var i = 1; i < states.Length; i++)
        {
            queue.Offer(Change("a", states[i - 1], states[i], equity: i));
            queue.Offer(Change("b", states[i - 1], states[i], equity: i));
            taken.AddRange(TakeAll(queue));
        }

        Assert.Equal([1m, 2m, 3m], taken.FindAll(e => e.AccountId == "a").ConvertAll(e => e.Equity));
        Assert.Equal([1m, 2m, 3m], taken.FindAll(e => e.AccountId == "b").ConvertAll(e => e.Equity));
    }

    [Fact]
    public void Offer_MoreAccountsThanCapacity_DropsTheOldestAccountAndCountsIt()
    {
        var queue = new RiskEventQueue(2);
        queue.Offer(Change("a", AccountState.Ok, AccountState.ReduceOnly));
        queue.Offer(Change("b", AccountState.Ok, AccountState.ReduceOnly));
        queue.Offer(Change("c", AccountState.Ok, AccountState.ReduceOnly));

        Assert.Equal(1, queue.Dropped);
        Assert.Equal(["b", "c"], TakeAll(queue).ConvertAll(e => e.AccountId));
    }

    [Fact]
    public void Offer_HouseEventsUnderAnAccountFlood_AreAllKept()
    {
        var queue = new RiskEventQueue(1);
        for (var i = 0; i < 5; i++)
        {
            queue.Offer(new RiskEventData { Cause = RiskEventData.HouseCoverageCause, Sequence = i, House = new HouseCoverageData() });
            queue.Offer(Change("a", AccountState.Ok, AccountState.ReduceOnly, equity: i));
            queue.Offer(Change("b", AccountState.Ok, AccountState.ReduceOnly, equity: i));
        }

        var taken = TakeAll(queue);
        Assert.Equal([0L, 1, 2, 3, 4], taken.FindAll(e => e.House is not null).ConvertAll(e => e.Sequence));
        Assert.Equal(["b"], taken.FindAll(e => e.House is null).ConvertAll(e => e.AccountId));
    }

    [Fact]
    public async Task ReadAllAsync_OffersFromAnotherThread_ArriveThenEndOnComplete()
    {
        var queue = new RiskEventQueue(100);
        var reading = Task.Run(async () =>
        {
            var seen = new List<RiskEventData>();
            await foreach (var e in queue.ReadAllAsync())
            {
                seen.Add(e);
            }

            return seen;
        });
        for (var i = 0; i < 50; i++)
        {
            queue.Offer(Change($"acct-{i}", AccountState.Ok, AccountState.ReduceOnly));
            await Task.Yield();
        }

        queue.Complete();
        Assert.False(queue.Offer(Change("late", AccountState.Ok, AccountState.ReduceOnly)));
        Assert.Equal(50, (await reading.WaitAsync(TimeSpan.FromSeconds(10))).Count);
    }

    [Fact]
    public void TakeMany_GivesWhatTryTakeWould_HouseFirst_AtMostMax()
    {
        var (one, other) = (new RiskEventQueue(100), new RiskEventQueue(100));
        foreach (var queue in new[] { one, other })
        {
            for (var i = 0; i < 10; i++)
            {
                queue.Offer(Change($"acct-{i % 4}", AccountState.Ok, AccountState.ReduceOnly, equity: i));
            }

            queue.Offer(new RiskEventData { Cause = RiskEventData.HouseCoverageCause, House = new HouseCoverageData() });
        }

        var taken = new List<RiskEventData>();
        Assert.Equal(3, one.TakeMany(taken, 3));
        Assert.Equal(2, one.TakeMany(taken, 3));
        Assert.Equal(0, one.TakeMany(taken, 3));
        Assert.Equal(TakeAll(other).ConvertAll(e => (e.AccountId, e.Equity)), taken.ConvertAll(e => (e.AccountId, e.Equity)));
        Assert.NotNull(taken[0].House);
    }

    [Fact]
    public async Task WaitAsync_WithTakeMany_GetsEveryOfferedAccount_ThenFalseOnComplete()
    {
        var queue = new RiskEventQueue(10_000);
        var reading = Task.Run(async () =>
        {
            var seen = new List<RiskEventData>();
            do
            {
                while (queue.TakeMany(seen, 7) > 0)
                {
                }
            }
            while (await queue.WaitAsync());

            return seen;
        });
        for (var i = 0; i < 500; i++)
        {
            queue.Offer(Change($"acct-{i}", AccountState.Ok, AccountState.ReduceOnly));
            if (i % 50 == 0)
            {
                await Task.Yield();
            }
        }

        await WaitUntil(() => queue.Count == 0);
        queue.Complete();
        var seen = await reading.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"acct-{i}"), seen.ConvertAll(e => e.AccountId));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
    }

    private static RiskEventData Change(string account, AccountState from, AccountState to, decimal equity = 0)
        => new() { AccountId = account, PreviousState = from, State = to, Equity = equity, Cause = "test" };

    private static List<RiskEventData> TakeAll(RiskEventQueue queue)
    {
        var taken = new List<RiskEventData>();
        while (queue.TryTake(out var e))
        {
            taken.Add(e);
        }

        return taken;
    }
}

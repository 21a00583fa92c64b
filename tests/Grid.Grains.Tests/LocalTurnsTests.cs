using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Grid.Grains.Tests;

/// <summary>
/// Silo-local turns: an account activation takes the co-hosted gateway's batches in its own turns, without a
/// grain call; it closes before it deactivates, and a batch racing the close is applied once or declined.
/// </summary>
[Collection(GridCluster.Name)]
public sealed class LocalTurnsTests(GridClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task FirstBatch_OpensTheEntry_LaterBatchesRunThereWithoutAGrainCall()
    {
        var account = await fixture.Client.Funded("local-taken", 200_000);
        Assert.Null(Entry("local-taken"));

        await account.One(Commands.Check("o0", "BTC-PERP", Side.Buy, 1, 60_010));
        var (table, entry) = Entry("local-taken") ?? throw new InvalidOperationException("no silo opened the account");
        var taken = table.Taken;
        var replies = await entry.Run([Commands.Check("o1", "BTC-PERP", Side.Buy, 1, 60_010) with { CorrelationId = 5 }]);

        var reply = Assert.Single(replies!);
        Assert.Equal(Decision.Accept, reply.Decision);
        Assert.Equal(5ul, reply.CorrelationId);
        Assert.Equal(taken + 1, table.Taken);
        Assert.Equal(2, (await account.GetPortfolio()).Orders.Count);
        Assert.Equal(reply.AvailableAfter, (await account.GetBuyingPower()).Available);
    }

    [Fact]
    public async Task BatchesAlternatingLocalAndGrainCalls_ApplyInOrder_AsIfAllWereGrainCalls()
    {
        EngineCommand[] script =
        [
            Commands.Check("o1", "BTC-PERP", Side.Buy, 2, 60_010),
            Commands.Fill("o1", "t1", 0.5m, 60_000),
            Commands.Amend("o1", 1, 60_020),
            Commands.Check("o2", "BTC-PERP", Side.Sell, 1, 61_000),
            Commands.Fill("o1", "t2", 1, 60_020),
            Commands.Cancel("o2"),
            Commands.Cancel("o1"),
            Commands.Check("o1", "BTC-PERP", Side.Buy, 2, 60_010),
        ];
        var reference = await fixture.Client.Funded("local-order-ref", 300_000);
        var mixed = await fixture.Client.Funded("local-order-mix", 300_000);
        await reference.One(Commands.Check("warm", "BTC-PERP", Side.Buy, 0.1m, 50_000));
        await mixed.One(Commands.Check("warm", "BTC-PERP", Side.Buy, 0.1m, 50_000));
        var (_, entry) = Entry("local-order-mix") ?? throw new InvalidOperationException("no silo opened the account");

        for (var i = 0; i < script.Length; i++)
        {
            var command = script[i] with { CorrelationId = (ulong)(i + 1) };
            var expected = await reference.One(command);
            var actual = i % 2 == 0 ? Assert.Single((await entry.Run([command]))!) : await mixed.One(command);
            Assert.Equal(
                (expected.CorrelationId, expected.Kind, expected.Decision, expected.Reason, expected.RemainingQty, expected.ImAfter, expected.AvailableAfter, expected.OrderKnown, expected.Replayed),
                (actual.CorrelationId, actual.Kind, actual.Decision, actual.Reason, actual.RemainingQty, actual.ImAfter, actual.AvailableAfter, actual.OrderKnown, actual.Replayed));
        }

        var a = await reference.GetPortfolio();
        var b = await mixed.GetPortfolio();
        Assert.Equal(a.Positions.Select(p => (p.InstrumentId, p.Qty)), b.Positions.Select(p => (p.InstrumentId, p.Qty)));
        Assert.Equal(a.Orders.Select(o => (o.ClientOrderId, o.RemainingQty)), b.Orders.Select(o => (o.ClientOrderId, o.RemainingQty)));
    }

    [Fact]
    public async Task FailingBatch_ReachesTheCallerAsAFailure_AndTheEntryGoesOn()
    {
        var account = await fixture.Client.Funded("local-fail", 100_000);
        await account.One(Commands.Check("o0", "BTC-PERP", Side.Buy, 0.1m, 60_010));
        var (_, entry) = Entry("local-fail") ?? throw new InvalidOperationException("no silo opened the account");

        // Whatever fails in the turn (here a batch with no room for its replies) fails the caller's await, as a failed
        // grain call does, instead of leaving it waiting; the gateway's lane answers such a batch UNAVAILABLE.
        EngineCommand[] roomless = [Commands.Check("o9", "BTC-PERP", Side.Buy, 0.1m, 60_010)];
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await entry.Execute(roomless, Memory<EngineReply>.Empty)).WaitAsync(TimeSpan.FromSeconds(15));

        var replies = await entry.Run([Commands.Check("o1", "BTC-PERP", Side.Buy, 0.1m, 60_010)]);
        Assert.Equal(Decision.Accept, Assert.Single(replies!).Decision);
    }

    [Fact]
    public async Task Deactivation_RacingQueuedBatches_EachIsAppliedOnceOrDeclined_NoneHangs()
    {
        const decimal lot = 0.001m;
        var account = await fixture.Client.Funded("local-race", 1_000_000);
        await account.One(Commands.Check("o0", "BTC-PERP", Side.Buy, lot, 60_010));
        await account.One(Commands.Fill("o0", "t0", lot, 60_000));
        var (_, entry) = Entry("local-race") ?? throw new InvalidOperationException("no silo opened the account");

        // Four engines keep sending (an order and its fill per batch) until the activation declines; it is
        // deactivated meanwhile, with sixteen batches in flight per engine: the close lands among batches already queued.
        var (applied, declined, declinedInTurn, limited) = await DeactivationRace.Run(entry, Batch, 64, () => fixture.Cluster.DeactivateAsync(account));
        output.WriteLine($"{applied} batches applied locally, {declined.Count} declined ({declinedInTurn} of them queued before the close), {limited} refused by the rate limit");

        // The old activation is gone: its entry declines, and no silo lists it until the next activation opens its own.
        Assert.Null(await entry.Run(Batch(0)));
        Assert.Null(Entry("local-race"));

        // A declined batch was not applied: the gateway sends it by grain call, to the next activation.
        foreach (var i in declined)
        {
            var replies = await account.Execute(Batch(i));
            Assert.All(replies, r => Assert.False(r.Replayed));
        }

        // Every batch is applied exactly once, by one activation or the next: none lost, none twice.
        var position = Assert.Single((await account.GetPortfolio()).Positions);
        Assert.Equal(lot * (1 + applied + declined.Count), position.Qty);

        // The next activation opens its own entry from its first engine batch.
        var (_, reopened) = Entry("local-race") ?? throw new InvalidOperationException("the next activation did not open");
        Assert.NotSame(entry, reopened);

        EngineCommand[] Batch(int i) => [Commands.Check($"o{i}", "BTC-PERP", Side.Buy, lot, 60_010), Commands.Fill($"o{i}", $"t{i}", lot, 60_000)];
    }

    private (LocalAccounts Table, ILocalAccount Account)? Entry(string accountId)
    {
        foreach (var silo in fixture.Cluster.Silos)
        {
            var table = fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<LocalAccounts>();
            if (table.TryFind(accountId, out var account))
            {
                return (table, account);
            }
        }

        return null;
    }
}

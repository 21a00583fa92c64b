using System.Diagnostics;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;

namespace Grid.Grains.Tests;

/// <summary>
/// Silo-local turns over a store whose writes complete later (as in Redis mode): a batch waits for its write with
/// its turn, is answered only once the write is done, and a failed write answers it as not applied.
/// </summary>
[Collection(SlowWriteCluster.Name)]
public sealed class LocalTurnsSlowWriteTests(SlowWriteClusterFixture fixture, ITestOutputHelper output)
{
    private const decimal Lot = 0.001m;

    [Fact]
    public async Task BatchesWaitingForTheirWrites_AreAnsweredOnceWritten_EachAppliedOnce()
    {
        var (account, entry) = await Opened("slow-many");
        var next = 0;
        var applied = 0;
        var limited = 0;
        async Task Send()
        {
            // Eight batches in flight per engine: they wait for writes together (group commit).
            for (var round = 0; round < 8; round++)
            {
                var window = Enumerable.Range(0, 8).Select(_ => Interlocked.Increment(ref next)).Select(i => entry.Run(Batch(i))).ToArray();
                foreach (var pending in window)
                {
                    var replies = await pending ?? throw new InvalidOperationException("an open activation declined a batch");
                    if (Limited(replies))
                    {
                        Interlocked.Increment(ref limited);
                        continue;
                    }

                    Assert.Equal([Decision.Accept, Decision.Accept], replies.Select(r => r.Kind == ReplyKind.Ack ? Decision.Accept : r.Decision));
                    Interlocked.Increment(ref applied);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Send))).WaitAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"{applied} batches applied, {limited} refused by the rate limit");
        Assert.True(applied > 0);
        Assert.Equal(Lot * (1 + applied), Assert.Single((await account.GetPortfolio()).Positions).Qty);

        // Answered means written: the next activation reads every answered change back from storage.
        await fixture.Cluster.DeactivateAsync(account);
        Assert.Equal(Lot * (1 + applied), Assert.Single((await account.GetPortfolio()).Positions).Qty);
    }

    [Fact]
    public async Task FailedWrite_AnswersTheWaitingBatchAsNotApplied_AndTheAccountReloads()
    {
        var (account, entry) = await Opened("slow-fail");
        SlowGrainStorage.Failing["slow-fail"] = true;
        try
        {
            var replies = await entry.Run(Batch(1)).WaitAsync(TimeSpan.FromSeconds(30)) ?? throw new InvalidOperationException("declined");
            Assert.All(replies, r => Assert.Equal(ErrorCode.Unavailable, r.Error));
            Assert.All(replies, r => Assert.Contains("storage write failed", r.Message, StringComparison.Ordinal));
        }
        finally
        {
            SlowGrainStorage.Failing.TryRemove("slow-fail", out _);
        }

        // The failed activation refuses until it is gone; the next one reads storage, where the batch never was, so
        // the same ids apply once.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var retried = await account.Execute(Batch(1));
            if (retried.All(r => r.Error == ErrorCode.None))
            {
                break;
            }

            Assert.All(retried, r => Assert.Equal(ErrorCode.Unavailable, r.Error));
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the account did not reload");
            await Task.Delay(20);
        }

        Assert.Equal(2 * Lot, Assert.Single((await account.GetPortfolio()).Positions).Qty);
    }

    [Fact]
    public async Task Deactivation_WhileBatchesWaitForWrites_EachIsAppliedOnceOrDeclined_NoneHangs()
    {
        var (account, entry) = await Opened("slow-race");
        var (applied, declined, _, limited) = await DeactivationRace.Run(entry, Batch, 32, () => fixture.Cluster.DeactivateAsync(account));
        output.WriteLine($"{applied} batches applied locally, {declined.Count} declined, {limited} refused by the rate limit");

        // A declined batch was not applied: the gateway sends it by grain call, to the next activation.
        foreach (var i in declined)
        {
            var replies = await account.Execute(Batch(i));
            Assert.All(replies, r => Assert.False(r.Replayed));
            Assert.All(replies, r => Assert.Equal(ErrorCode.None, r.Error));
        }

        Assert.Equal(Lot * (1 + applied + declined.Count), Assert.Single((await account.GetPortfolio()).Positions).Qty);
    }

    private static EngineCommand[] Batch(int i) => [Commands.Check($"o{i}", "BTC-PERP", Side.Buy, Lot, 60_010), Commands.Fill($"o{i}", $"t{i}", Lot, 60_000)];

    // The account's order rate limit (1,000/s) may refuse an order on a fast machine: then neither command applies.
    private static bool Limited(EngineReply[] replies)
    {
        if (replies[0].Error != ErrorCode.Overloaded)
        {
            return false;
        }

        Assert.Equal(ErrorCode.UnknownOrder, replies[1].Error);
        return true;
    }

    // A funded account holding one lot, its activation opened to local batches by a grain call.
    private async Task<(IAccountGrain Account, ILocalAccount Entry)> Opened(string accountId)
    {
        var account = await fixture.Client.Funded(accountId, 1_000_000);
        var replies = await account.Execute(Batch(0));
        Assert.All(replies, r => Assert.Equal(ErrorCode.None, r.Error));
        foreach (var silo in fixture.Cluster.Silos)
        {
            if (fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<LocalAccounts>().TryFind(accountId, out var entry))
            {
                return (account, entry);
            }
        }

        throw new InvalidOperationException($"no silo opened {accountId}");
    }
}

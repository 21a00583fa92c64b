using System.Collections.Concurrent;
using System.Diagnostics;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Risk.Decisions;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;

namespace Grid.Grains.Tests;

/// <summary>
/// Four engines send batches (an order and its fill) to an activation's local entry, sixteen in flight each, while
/// the activation is closed under them: the race the local-turn tests run over a fast store and over a slow one.
/// Each batch is applied (both commands accepted), refused by the account's order rate limit (neither applied) or
/// declined (not applied: the gateway would send it by grain call); an engine stops at its first decline.
/// </summary>
internal static class DeactivationRace
{
    /// <summary>What the engines saw: batch numbers declined, and of those the ones still queued when sent.</summary>
    public sealed record Outcome(int Applied, IReadOnlyCollection<int> Declined, int DeclinedQueued, int Limited);

    /// <summary>
    /// Runs the engines over <paramref name="entry"/>, calls <paramref name="close"/> once <paramref name="appliedFirst"/>
    /// batches are applied (or 30 s passed, or an engine stopped), and waits up to 30 s for every engine to stop.
    /// </summary>
    public static async Task<Outcome> Run(ILocalAccount entry, Func<int, EngineCommand[]> batch, int appliedFirst, Func<Task> close)
    {
        var next = 0;
        var declined = new ConcurrentBag<int>();
        var declinedQueued = 0;
        var applied = 0;
        var limited = 0;
        async Task Send()
        {
            // No round limit: on a slow machine the close may land late, and every engine must still see it.
            while (true)
            {
                var window = Enumerable.Range(0, 16).Select(_ => Interlocked.Increment(ref next)).Select(i => (i, Pending: entry.Run(batch(i)))).ToArray();
                var queued = window.Select(w => !w.Pending.IsCompleted).ToArray();
                var stop = false;
                for (var k = 0; k < window.Length; k++)
                {
                    if (await window[k].Pending is not { } replies)
                    {
                        declined.Add(window[k].i);
                        Interlocked.Add(ref declinedQueued, queued[k] ? 1 : 0);
                        stop = true;
                    }
                    else if (Limited(replies))
                    {
                        Interlocked.Increment(ref limited);
                    }
                    else
                    {
                        Assert.Equal([Decision.Accept, Decision.Accept], replies.Select(r => r.Kind == ReplyKind.Ack ? Decision.Accept : r.Decision));
                        Interlocked.Increment(ref applied);
                    }
                }

                if (stop)
                {
                    return;
                }
            }
        }

        var engines = Enumerable.Range(0, 4).Select(_ => Task.Run(Send)).ToArray();
        var started = Stopwatch.StartNew();
        while (Volatile.Read(ref applied) < appliedFirst && !engines.Any(e => e.IsCompleted) && started.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(5);
        }

        await close();
        await Task.WhenAll(engines).WaitAsync(TimeSpan.FromSeconds(30));
        return new Outcome(applied, declined, declinedQueued, limited);
    }

    // The account's order rate limit (1,000/s) can refuse the order (a fast machine, or a close slow to land on a
    // loaded one): then neither command is applied, and the batch counts as neither applied nor declined.
    private static bool Limited(EngineReply[] replies)
    {
        if (replies[0].Error != ErrorCode.Overloaded)
        {
            return false;
        }

        Assert.Equal(ErrorCode.UnknownOrder, replies[1].Error);
        return true;
    }
}

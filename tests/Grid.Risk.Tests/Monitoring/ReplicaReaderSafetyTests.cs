using System.Collections.Concurrent;
using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Monitoring;
using Grid.Risk.Tests.Stress;

namespace Grid.Risk.Tests.Monitoring;

/// <summary>
/// Replicas share order chunks and the writer appends into them in place: an old replica must go on reading
/// exactly what it read when it was taken, whatever the writer did since, and the monitor must reach the same
/// figures from incrementally taken replicas as from replicas taken from scratch.
/// </summary>
public sealed class ReplicaReaderSafetyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void OldReplicas_ReadWhatTheyReadWhenTaken_ThroughRandomAppendsCancelsAndFills(int seed)
    {
        var model = StressHouse.Model();
        var (id, book) = StressHouse.Accounts(model, 1, seed)[0];
        var random = new Random(seed);
        var kept = new List<(MonitoredAccount Replica, string[] Orders)>();
        MonitoredAccount? previous = null;
        for (var step = 0; step < 600; step++)
        {
            Change(book, model, random, step);
            var replica = MonitoredAccount.From(id, step + 1, book, previous);
            var fresh = MonitoredAccount.From(id, step + 1, book);
            Assert.Equal(Read(fresh), Read(replica));
            Assert.Equal(fresh.GroupMask, replica.GroupMask);
            Assert.Equal(fresh.Bytes, replica.Bytes);
            kept.Add((replica, Read(replica)));
            previous = replica;

            foreach (var (old, orders) in kept)
            {
                Assert.Equal(orders, Read(old));
            }
        }
    }

    [Fact]
    public void ARemappedReplica_KeepsItsOrders_AndTheWriterGoesOnFromItsOwnChunks()
    {
        var model = StressHouse.Model();
        var (id, book) = StressHouse.Accounts(model, 1, 4)[0];
        var random = new Random(4);
        var kept = new List<(MonitoredAccount Replica, string[] Orders)>();
        MonitoredAccount? previous = null;
        for (var step = 0; step < 200; step++)
        {
            Change(book, model, random, step);
            previous = MonitoredAccount.From(id, step + 1, book, previous);
            kept.Add((previous, Read(previous)));
            if (step % 25 == 0)
            {
                // Another layout (a new model object): the monitor re-indexes the replica into new chunks.
                Assert.True(previous.LoadInto(AccountBook.Empty(model), StressHouse.Model()));
            }

            foreach (var (old, orders) in kept)
            {
                Assert.Equal(orders, Read(old));
            }
        }
    }

    [Fact]
    public async Task ReadersOnOtherThreads_NeverSeeAReplicaChangeUnderThem()
    {
        var model = StressHouse.Model();
        var (id, book) = StressHouse.Accounts(model, 1, 9)[0];
        var monitor = new MarginMonitor(1);
        var taken = new ConcurrentDictionary<long, string[]>();
        var random = new Random(9);
        var replica = MonitoredAccount.From(id, 0, book);
        taken[0] = Read(replica);
        monitor.Upsert(replica);
        using var done = new CancellationTokenSource();
        var failures = 0;
        var reads = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            // The last replicas this reader saw, re-read on every pass while the writer goes on.
            var kept = new Queue<MonitoredAccount>();
            while (!done.IsCancellationRequested)
            {
                kept.Enqueue(monitor.Find(id)!);
                if (kept.Count > 64)
                {
                    kept.Dequeue();
                }

                foreach (var old in kept)
                {
                    if (!taken[old.Version].SequenceEqual(Read(old)))
                    {
                        Interlocked.Increment(ref failures);
                    }
                }

                Interlocked.Increment(ref reads);
            }
        })).ToArray();

        // The writer starts once both readers are reading and goes on until they have read meanwhile, however the
        // machine schedules them: a loaded machine can otherwise run all 3,000 changes before a reader starts.
        SpinWait.SpinUntil(() => Volatile.Read(ref reads) >= 2 || readers.Any(r => r.IsCompleted), TimeSpan.FromSeconds(30));
        var readsBefore = Volatile.Read(ref reads);
        for (var step = 1; step <= 3_000 || (Volatile.Read(ref reads) <= readsBefore + 1 && step <= 30_000); step++)
        {
            Change(book, model, random, step);
            replica = MonitoredAccount.From(id, step, book, replica);
            taken[step] = Read(replica);
            monitor.Upsert(replica);
        }

        done.Cancel();
        await Task.WhenAll(readers);
        Assert.Equal(0, failures);
        Assert.True(reads > readsBefore + 1, $"{reads - readsBefore} reads while the writer changed the account");
    }

    [Fact]
    public void SweepsOfIncrementalReplicas_EqualSweepsOfReplicasTakenFromScratch()
    {
        var model = StressHouse.Model();
        var accounts = StressHouse.Accounts(model, 12, 21);
        var random = new Random(21);
        var incremental = new MarginMonitor(3);
        var previous = new Dictionary<string, MonitoredAccount>();
        for (var step = 0; step < 900; step++)
        {
            var (id, book) = accounts[random.Next(accounts.Count)];
            Change(book, model, random, step);
            var replica = MonitoredAccount.From(id, step + 1, book, previous.GetValueOrDefault(id));
            previous[id] = replica;
            incremental.Upsert(replica);
        }

        var scratch = new MarginMonitor(3);
        foreach (var (id, book) in accounts)
        {
            scratch.Upsert(MonitoredAccount.From(id, previous[id].Version, book));
        }

        foreach (var next in new[] { Crash(model, 0.7), StressHouse.Model(), Crash(model, 1.25) })
        {
            var a = incremental.Sweep(next);
            var b = scratch.Sweep(next);
            Assert.Equal(b.Evaluated, a.Evaluated);
            Assert.Equal(b.Skipped, a.Skipped);
            Assert.Equal(
                b.Transitions.Select(t => (t.AccountId, t.From, t.To, t.Figures)).OrderBy(t => t.AccountId),
                a.Transitions.Select(t => (t.AccountId, t.From, t.To, t.Figures)).OrderBy(t => t.AccountId));
            foreach (var (id, _) in accounts)
            {
                Assert.Equal(scratch.Find(id)!.Figures, incremental.Find(id)!.Figures);
                Assert.Equal(scratch.Find(id)!.State, incremental.Find(id)!.State);
            }
        }
    }

    // One random change of a trading account: mostly new orders, some cancels (the last order moves into
    // the hole) and partial fills, on two groups' instruments.
    private static void Change(AccountBook book, RiskModel model, Random random, int step)
    {
        var n = book.RestingOrderCount;
        var roll = random.Next(100);
        if (n > 0 && (roll < 30 || n >= 40))
        {
            book.ReduceOrder(random.Next(n), double.MaxValue);
        }
        else if (n > 0 && roll < 45)
        {
            var k = random.Next(n);
            book.ReduceOrder(k, 0.25);
        }
        else
        {
            var risk = model.Instruments[random.Next(2)];
            var buy = random.Next(2) == 0;
            book.AddOrder(new RestingOrder(risk.Spec.Id, buy ? Side.Buy : Side.Sell, 1 + random.Next(5), risk.Mark * (buy ? 0.98 : 1.02), $"o-{step}"));
        }
    }

    // What a reader sees of a replica's orders: instrument by id (a remap re-indexes), quantity and price bit for bit.
    private static string[] Read(MonitoredAccount replica)
    {
        var orders = new string[replica.OrderCount];
        for (var k = 0; k < orders.Length; k++)
        {
            replica.Order(k, out var instrument, out var q, out var price);
            orders[k] = $"{replica.Layout.Instruments[instrument]} {BitConverter.DoubleToInt64Bits(q):x} {BitConverter.DoubleToInt64Bits(price):x}";
        }

        return orders;
    }

    private static RiskModel Crash(RiskModel model, double factor)
    {
        var m = model.Market;
        var index = m.Index.ToDictionary(p => p.Key, p => p.Key == "BTC" ? p.Value * factor : p.Value);
        var marks = m.Marks.ToDictionary(p => p.Key, p => p.Key.StartsWith("BTC", StringComparison.Ordinal) ? p.Value * factor : p.Value);
        return model.Reprice(m with { Index = index, Marks = marks });
    }
}

using System.Diagnostics;
using Grid.Grains.Accounts;
using Grid.Grains.Journal;
using Grid.Grains.Storage;
using Orleans.Storage;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Grid.Grains.Tests.Journal.Redis;

/// <summary>
/// The Redis account journal (issue 15): replay gives back the record, snapshots keep the tail bounded,
/// a second activation is fenced off, a whole record from before the journal is migrated, and the silo
/// writer carries many accounts per round trip.
/// </summary>
public sealed class AccountJournalTests(JournalRedis redis, ITestOutputHelper output) : IClassFixture<JournalRedis>
{
    [RedisFact]
    public async Task Reopened_AfterEveryFewWrites_GivesBackTheRecord_WithTheTailBelowTheSnapshotInterval()
    {
        var journal = redis.Open("replay", snapshotEvery: 7);
        await journal.ReadStateAsync();
        Assert.False(journal.RecordExists);
        var changes = new RecordChanges(journal.State, 1);
        for (var write = 1; write <= 120; write++)
        {
            for (var i = write % 3; i >= 0; i--)
            {
                changes.Apply();
            }

            await journal.WriteStateAsync();
            if (write % 10 == 0)
            {
                var reopened = redis.Open("replay", snapshotEvery: 7);
                await reopened.ReadStateAsync();
                Assert.True(reopened.RecordExists);
                Assert.Equal(RecordChanges.Describe(journal.State), RecordChanges.Describe(reopened.State));
                Assert.InRange(reopened.Entries, 0, 7);
                if (write % 40 == 0)
                {
                    // A reactivation: the grain goes on from the replayed record.
                    journal = reopened;
                    changes = new RecordChanges(journal.State, write);
                }
            }
        }
    }

    [RedisFact]
    public async Task SecondActivation_WroteMeanwhile_TheFirstIsFencedOff_AndWritesNothing()
    {
        var first = redis.Open("fenced", snapshotEvery: 100);
        await first.ReadStateAsync();
        first.State.Balances["USD"] = 10m;
        await first.WriteStateAsync();

        var second = redis.Open("fenced", snapshotEvery: 100);
        await second.ReadStateAsync();
        var stale = redis.Open("fenced", snapshotEvery: 100);
        await stale.ReadStateAsync();
        second.State.Balances["USD"] = 20m;
        await second.WriteStateAsync();

        stale.State.Balances["USD"] = 99m;
        await Assert.ThrowsAsync<InconsistentStateException>(stale.WriteStateAsync);
        first.State.Balances["USD"] = 98m;
        await Assert.ThrowsAsync<InconsistentStateException>(first.WriteStateAsync);

        var reread = redis.Open("fenced", snapshotEvery: 100);
        await reread.ReadStateAsync();
        Assert.Equal(20m, reread.State.Balances["USD"]);
        reread.State.Balances["USD"] = 21m;
        await reread.WriteStateAsync();
    }

    [RedisFact]
    public async Task StaleActivation_AtTheLogLengthTheOtherReachedAgainAfterASnapshot_IsStillFencedOff()
    {
        // The log's length alone would let the stale write in: the other activation snapshotted (emptying the log)
        // and appended as many entries again. The sequence (the snapshot's plus the entries) has moved on.
        var first = redis.Open("fenced-across-snapshot", snapshotEvery: 5);
        await first.ReadStateAsync();
        var changes = new RecordChanges(first.State, 3);
        for (var i = 0; i < 3; i++)
        {
            changes.Apply();
            await first.WriteStateAsync();
        }

        var stale = redis.Open("fenced-across-snapshot", snapshotEvery: 5);
        await stale.ReadStateAsync();
        Assert.Equal(2, stale.Entries);
        var db = await redis.Writer.Database();
        var before = await db.ListRangeAsync(first.Keys.Log);

        var other = redis.Open("fenced-across-snapshot", snapshotEvery: 5);
        await other.ReadStateAsync();
        changes = new RecordChanges(other.State, 4);
        for (var i = 0; i < 6; i++)
        {
            changes.Apply();
            await other.WriteStateAsync();
        }

        Assert.Equal(2, other.Entries);
        Assert.NotEqual(before, await db.ListRangeAsync(first.Keys.Log));
        var log = await db.ListRangeAsync(other.Keys.Log);

        stale.State.Balances["USD"] = 99m;
        await Assert.ThrowsAsync<InconsistentStateException>(stale.WriteStateAsync);
        Assert.Equal(log, await db.ListRangeAsync(other.Keys.Log));
        var reread = redis.Open("fenced-across-snapshot", snapshotEvery: 5);
        await reread.ReadStateAsync();
        Assert.Equal(RecordChanges.Describe(other.State), RecordChanges.Describe(reread.State));
    }

    [RedisFact]
    public async Task JournalWrittenWithTheSequenceInTheHead_IsReadAndContinued_AndStillFences()
    {
        // The layout before the head kept only its snapshot's sequence: every write set `seq` to its own sequence,
        // so `seq` is the latest and the log holds entries after the snapshot. Written here as that script did.
        var old = redis.Open("sequence-in-head", snapshotEvery: 1_000);
        await old.ReadStateAsync();
        var changes = new RecordChanges(old.State, 11);
        changes.Apply();
        await old.WriteStateAsync();
        var db = await redis.Writer.Database();
        var image = new WrittenImage();
        image.Reset(old.State);
        for (var seq = 2; seq <= 9; seq++)
        {
            changes.Apply();
            var entry = new EntryWriter();
            image.Write(old.State, entry);
            await db.ListRightPushAsync(old.Keys.Log, entry.Written.ToArray());
            await db.HashSetAsync(old.Keys.Head, "seq", seq);
        }

        var stale = redis.Open("sequence-in-head", snapshotEvery: 1_000);
        await stale.ReadStateAsync();
        var reader = redis.Open("sequence-in-head", snapshotEvery: 1_000);
        await reader.ReadStateAsync();
        Assert.Equal(RecordChanges.Describe(old.State), RecordChanges.Describe(reader.State));
        Assert.Equal(8, reader.Entries);
        changes = new RecordChanges(reader.State, 12);
        for (var i = 0; i < 5; i++)
        {
            changes.Apply();
            await reader.WriteStateAsync();
        }

        stale.State.Balances["USD"] = 99m;
        await Assert.ThrowsAsync<InconsistentStateException>(stale.WriteStateAsync);
        var reread = redis.Open("sequence-in-head", snapshotEvery: 1_000);
        await reread.ReadStateAsync();
        Assert.Equal(RecordChanges.Describe(reader.State), RecordChanges.Describe(reread.State));
        Assert.Equal(13, reread.Entries);
    }

    [RedisFact]
    public async Task WholeRecordFromBeforeTheJournal_IsReadAsTheSnapshot_AndTheFirstWriteStartsTheJournal()
    {
        var id = GrainId.Create("account", "migrated");
        var old = new AccountRecord { Version = 41, Balances = { ["USD"] = 1_000.50m } };
        old.Orders.Add(new OrderRecord { ClientOrderId = "resting", InstrumentId = "BTC-PERP", Qty = 0.1m, Price = 60_000 });
        await redis.WholeRecords.WriteStateAsync(WholeRecordStore.StateName, id, new GrainState<AccountRecord>(old));

        var journal = redis.Open("migrated", snapshotEvery: 100);
        await journal.ReadStateAsync();
        Assert.True(journal.RecordExists);
        Assert.Equal(RecordChanges.Describe(old), RecordChanges.Describe(journal.State));
        journal.State.Balances["USD"] = 900m;
        journal.State.Version++;
        await journal.WriteStateAsync();

        var db = await redis.Writer.Database();
        Assert.True(await db.HashExistsAsync("journal-tests/journal/account/migrated", "snapshot"));
        var reopened = redis.Open("migrated", snapshotEvery: 100);
        await reopened.ReadStateAsync();
        Assert.Equal(RecordChanges.Describe(journal.State), RecordChanges.Describe(reopened.State));
        Assert.Equal(42, reopened.State.Version);
    }

    [RedisFact]
    public async Task JournalTurnedOffAgain_AJournaledAccountRefusesToActivate_OthersReadTheirWholeRecords()
    {
        var journal = redis.Open("turned-off", snapshotEvery: 100);
        await journal.ReadStateAsync();
        journal.State.Balances["USD"] = 1m;
        await journal.WriteStateAsync();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(redis.OpenWholeRecords("turned-off").ReadStateAsync);
        Assert.Contains("Grid:Journal:Enabled", refused.Message, StringComparison.Ordinal);

        var whole = redis.OpenWholeRecords("never-journaled");
        await whole.ReadStateAsync();
        whole.State.Balances["USD"] = 2m;
        await whole.WriteStateAsync();
        var again = redis.OpenWholeRecords("never-journaled");
        await again.ReadStateAsync();
        Assert.Equal(2m, again.State.Balances["USD"]);
    }

    [RedisFact]
    public async Task EntriesOfTheSerializer_WrittenBeforeFormat1_ReplayWithTheNewOnes()
    {
        // A journal as the code before format 1 left it: a snapshot, then entries of the Orleans serializer.
        var journal = redis.Open("mixed-formats", snapshotEvery: 1_000);
        await journal.ReadStateAsync();
        var changes = new RecordChanges(journal.State, 26);
        changes.Apply();
        await journal.WriteStateAsync();
        var before = new WrittenImage();
        before.Reset(journal.State);
        var db = await redis.Writer.Database();
        for (var seq = 1; seq <= 30; seq++)
        {
            changes.Apply();
            var entry = redis.Serializer.SerializeToArray(before.Changes(journal.State));
            var refused = (RedisResult[])(await db.ScriptEvaluateAsync(JournalScripts.Write, [journal.Keys.Head, journal.Keys.Log], [seq, entry]))!;
            Assert.Empty(refused);
        }

        // A new activation reads them, and goes on in format 1 after them; the next reads both.
        var reopened = redis.Open("mixed-formats", snapshotEvery: 1_000);
        await reopened.ReadStateAsync();
        Assert.Equal(RecordChanges.Describe(journal.State), RecordChanges.Describe(reopened.State));
        Assert.Equal(30, reopened.Entries);
        changes = new RecordChanges(reopened.State, 27);
        for (var i = 0; i < 30; i++)
        {
            changes.Apply();
            await reopened.WriteStateAsync();
        }

        var entries = await db.ListRangeAsync(reopened.Keys.Log);
        Assert.Equal(30, entries.Count(e => !EntryFormat.IsFormat1((byte[])e!)));
        Assert.Equal(30, entries.Count(e => EntryFormat.IsFormat1((byte[])e!)));
        var third = redis.Open("mixed-formats", snapshotEvery: 1_000);
        await third.ReadStateAsync();
        Assert.Equal(RecordChanges.Describe(reopened.State), RecordChanges.Describe(third.State));
    }

    [RedisFact]
    public async Task HundredThousandChanges_ActivateFromASnapshotAndABoundedTail()
    {
        const int Changes = 100_000;
        const int SnapshotEvery = 1_000;
        var journal = redis.Open("long-lived", SnapshotEvery);
        await journal.ReadStateAsync();
        var changes = new RecordChanges(journal.State, 7);
        var writing = Stopwatch.StartNew();
        for (var i = 0; i < Changes; i++)
        {
            changes.Apply();
            await journal.WriteStateAsync();
        }

        writing.Stop();
        var times = new List<double>();
        RedisAccountJournal? activated = null;
        for (var run = 0; run < 7; run++)
        {
            activated = redis.Open("long-lived", SnapshotEvery);
            var started = Stopwatch.GetTimestamp();
            await activated.ReadStateAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        var db = await redis.Writer.Database();
        var tail = await db.ListLengthAsync("journal-tests/journal/account/long-lived/log");
        output.WriteLine($"{Changes:N0} journaled changes (written one by one in {writing.Elapsed.TotalSeconds:F1} s); activation = snapshot + {tail} entries: " +
            $"min {times[0]:F2} ms, median {times[times.Count / 2]:F2} ms, max {times[^1]:F2} ms over {times.Count} activations");
        Assert.Equal(RecordChanges.Describe(journal.State), RecordChanges.Describe(activated!.State));
        Assert.InRange(tail, 0, SnapshotEvery);
        Assert.Equal(tail, activated.Entries);
    }

    [RedisFact]
    public async Task ManyAccountsWritingTogether_ShareRoundTrips()
    {
        var roundTrips = redis.Writer.RoundTrips;
        var writes = redis.Writer.Writes;
        await Task.WhenAll(Enumerable.Range(0, 200).Select(async a =>
        {
            var journal = redis.Open($"busy-{a}", snapshotEvery: 1_000);
            await journal.ReadStateAsync();
            var changes = new RecordChanges(journal.State, a);
            for (var i = 0; i < 20; i++)
            {
                changes.Apply();
                await journal.WriteStateAsync();
            }
        }));

        var trips = redis.Writer.RoundTrips - roundTrips;
        var sent = redis.Writer.Writes - writes;
        output.WriteLine($"{sent} account writes in {trips} round trips ({(double)sent / trips:F1} per round trip)");
        Assert.Equal(4_000, sent);
        Assert.True(trips * 4 <= sent, $"{sent} writes took {trips} round trips");
    }
}

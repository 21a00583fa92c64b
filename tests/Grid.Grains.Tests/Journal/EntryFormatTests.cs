using Grid.Grains.Accounts;
using Grid.Grains.Journal;
using Grid.Grains.Tests.Journal.Redis;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit.Abstractions;

namespace Grid.Grains.Tests.Journal;

/// <summary>
/// The journal entry's own format (<see cref="EntryFormat"/>): written straight from the diff, it replays to the
/// same record as the entries of the Orleans serializer written before it, which are still read; the two are told
/// apart by their first byte, values come back exactly, and a damaged entry is refused with a clear error.
/// </summary>
public sealed class EntryFormatTests(ITestOutputHelper output)
{
    private static readonly GrainId Account = GrainId.Create("account", "format");
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(AccountRecord).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void RandomChanges_InFormat1_AndAsTheSerializerWroteThem_ReplayToTheSameRecord()
    {
        var random = new Random(26);
        var live = new AccountRecord();
        var changes = new JournalReplayTests.RandomChanges(live, random, window: 16);
        var image = new WrittenImage();
        image.Reset(live);
        AccountRecord fromFormat1 = RoundTrip(live), fromSerializer = RoundTrip(live), mixed = RoundTrip(live);
        var entry = new EntryWriter();
        long format1Bytes = 0, serializerBytes = 0;
        for (var round = 0; round < 3_000; round++)
        {
            changes.Apply(random.Next(1, 6));
            image.Write(live, entry);
            var written = entry.Written.ToArray();

            // The same entry as the code before format 1 wrote it: this JournalEntry through the Orleans serializer.
            var before = Serializer.SerializeToArray(EntryDecoder.Read(written));
            Assert.True(EntryFormat.IsFormat1(written));
            Assert.False(EntryFormat.IsFormat1(before), $"a serializer's entry starts with {before[0]:x2}");
            if (round < 20)
            {
                // An earlier version reads entries with the serializer only: it refuses format 1 rather than misreading it.
                Assert.ThrowsAny<Exception>(() => Serializer.Deserialize<JournalEntry>(written));
            }

            RedisAccountJournal.Entry(Serializer, written, Account).ApplyTo(fromFormat1);
            RedisAccountJournal.Entry(Serializer, before, Account).ApplyTo(fromSerializer);
            RedisAccountJournal.Entry(Serializer, round % 3 == 0 ? before : written, Account).ApplyTo(mixed);
            var expected = RecordChanges.Describe(live);
            Assert.Equal(expected, RecordChanges.Describe(fromFormat1));
            Assert.Equal(expected, RecordChanges.Describe(fromSerializer));
            Assert.Equal(expected, RecordChanges.Describe(mixed));
            format1Bytes += written.Length;
            serializerBytes += before.Length;
        }

        output.WriteLine($"3,000 entries: format 1 {format1Bytes / 3_000.0:F0} B on average, the serializer's {serializerBytes / 3_000.0:F0} B");
        Assert.True(format1Bytes < serializerBytes, $"format 1 {format1Bytes} B, serializer {serializerBytes} B");
    }

    [Fact]
    public void EntriesWrittenByThePreviousCode_ReplayToTheRecordItWrote()
    {
        // Written by main at 20f29ba (WrittenImage.Changes + the Orleans serializer, 150 random change sets of every
        // kind), with the record it started from and the one it ended with, both through the serializer.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Journal", "Fixtures", "entries-before-format1.txt"));
        var record = Serializer.Deserialize<AccountRecord>(Convert.FromBase64String(lines[0]["snapshot ".Length..]))!;
        var entries = lines.Where(l => l.StartsWith("entry ", StringComparison.Ordinal)).Select(l => Convert.FromBase64String(l["entry ".Length..])).ToList();
        foreach (var entry in entries)
        {
            Assert.False(EntryFormat.IsFormat1(entry));
            RedisAccountJournal.Entry(Serializer, entry, Account).ApplyTo(record);
        }

        var final = Serializer.Deserialize<AccountRecord>(Convert.FromBase64String(lines[^1]["final ".Length..]))!;
        Assert.Equal(150, entries.Count);
        Assert.NotEmpty(final.RecentChecks);
        Assert.True(final.Orders.Count + final.Positions.Count + final.Balances.Count > 0, "the fixture left something to compare");

        // Orders read as values from the objects' bytes came back empty (every field default) and still compared equal.
        Assert.All(record.Orders, o => Assert.NotEqual("", o.InstrumentId));
        Assert.Equal(RecordChanges.Describe(final), RecordChanges.Describe(record));
    }

    [Fact]
    public void ChecksStoredAsObjects_BeforeTheMemoBecameAStruct_ReadBackExactly()
    {
        // Written by main at c47b29e, where the memo was a class (alias grid.CheckMemo, record field Id 11, entry field
        // Id 8): a snapshot with 40 memos of every decision, several reasons and shortfalls of several scales; an entry of
        // the serializer that drops 3 and appends 2; the record after it; and that record's memos as text.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Journal", "Fixtures", "checks-before-struct.txt"));
        string Line(string tag) => lines.Single(l => l.StartsWith(tag + " ", StringComparison.Ordinal))[(tag.Length + 1)..];
        var record = Serializer.Deserialize<AccountRecord>(Convert.FromBase64String(Line("snapshot")))!;
        Assert.Equal(40, record.RecentChecks.Count);
        Assert.Equal(1_000.50m, record.Balances["USDT"]);

        RedisAccountJournal.Entry(Serializer, Convert.FromBase64String(Line("entry")), Account).ApplyTo(record);
        var final = Serializer.Deserialize<AccountRecord>(Convert.FromBase64String(Line("final")))!;
        var expected = Line("describe");
        Assert.Contains("Shortfall = 1.50 }", expected, StringComparison.Ordinal);
        Assert.Equal(expected, string.Join(',', record.RecentChecks));
        Assert.Equal(expected, string.Join(',', final.RecentChecks));
        Assert.Equal(8, record.Version);

        // Written again, the memos go to the struct field and come back the same, scales included.
        var again = RoundTrip(final);
        Assert.Equal(final.RecentChecks, again.RecentChecks);
        Assert.Equal(expected, string.Join(',', again.RecentChecks));
        Assert.Null(again.LegacyChecks);
    }

    [Fact]
    public void OrdersStoredAsObjects_BeforeTheOrderBecameAValue_ReadBackExactly()
    {
        // Written by main at 8067712, where the order was a class (alias grid.OrderRecord, record field Id 5, splice
        // field Id 2): a snapshot with 16 orders (both sides, quantities and prices of several scales, offsets,
        // reduce-only, an empty venue, ids outside ASCII), an entry of the serializer that replaces 2 of them with 2,
        // the record after it, and the orders before and after as text (decimals as their bits).
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Journal", "Fixtures", "orders-before-struct.txt"));
        string Line(string tag) => lines.Single(l => l.StartsWith(tag + " ", StringComparison.Ordinal))[(tag.Length + 1)..];
        var snapshot = Convert.FromBase64String(Line("snapshot"));
        var record = Serializer.Deserialize<AccountRecord>(snapshot)!;
        Assert.Equal(16, record.Orders.Count);
        Assert.Equal(Line("orders"), Describe(record.Orders));

        RedisAccountJournal.Entry(Serializer, Convert.FromBase64String(Line("entry")), Account).ApplyTo(record);
        var final = Serializer.Deserialize<AccountRecord>(Convert.FromBase64String(Line("final")))!;
        var expected = Line("describe");
        Assert.Contains("order-new|ETH-PERP", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Describe(record.Orders));
        Assert.Equal(expected, Describe(final.Orders));

        // Read at activation (ids shared with the silo) and written again (to the value field), the orders are the same.
        final.ShareIds();
        Assert.Equal(expected, Describe(final.Orders));
        var again = RoundTrip(final);
        Assert.Equal(expected, Describe(again.Orders));
        Assert.Null(again.LegacyOrders);
    }

    [Fact]
    public void AnOrderChangedOnlyInScaleOrOffset_IsWrittenAndReplayedExactly()
    {
        var reserved = new DateTimeOffset(2026, 12, 6, 2, 30, 0, TimeSpan.Zero);
        var live = new AccountRecord();
        live.Orders.Add(new OrderRecord { ClientOrderId = "a", InstrumentId = "BTC-PERP", Qty = 1.5m, Price = 100m, ReservedAt = reserved, Venue = "v" });
        live.Orders.Add(new OrderRecord { ClientOrderId = "b", InstrumentId = "BTC-PERP", Qty = 2m, Price = 100m, ReservedAt = reserved, Venue = "v" });
        var image = new WrittenImage();
        image.Reset(live);
        var replica = RoundTrip(live);

        // Equal ids in other strings are the same order: nothing to write.
        live.Orders[0] = live.Orders[0] with { ClientOrderId = new string('a', 1), InstrumentId = string.Concat("BTC", "-PERP") };
        Assert.Null(image.Changes(live).Orders);

        live.Orders[0] = live.Orders[0].WithQty(1.50m);
        live.Orders[1] = live.Orders[1] with { ReservedAt = reserved.ToOffset(TimeSpan.FromHours(2)) };
        var entry = image.Changes(live);
        Assert.NotNull(entry.Orders);
        Assert.Equal(2, entry.Orders.Inserted.Count);
        entry.ApplyTo(replica);
        Assert.Equal(Describe(live.Orders), Describe(replica.Orders));
        Assert.Equal(2, replica.Orders[0].Qty.Scale);
        Assert.Equal(TimeSpan.FromHours(2), replica.Orders[1].ReservedAt.Offset);
    }

    [Fact]
    public void AnAcceptedOrder_IsAFewDozenBytes_AndSmallerThanTheSerializersEntry()
    {
        var live = new AccountRecord { Balances = { ["USDT"] = 10_000m } };
        var image = new WrittenImage();
        image.Reset(live);
        live.Orders.Add(new OrderRecord
        {
            ClientOrderId = "order-000123", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = 0.25m, Price = 61_250.5m,
            ReservedAt = new DateTimeOffset(2026, 12, 6, 2, 30, 0, TimeSpan.Zero), Venue = "engine-1",
        });
        live.RecentChecks.Add(new CheckMemo(0x0123_4567_89AB_CDEF, Decision.Accept, RejectReason.None, 0m));
        live.Version++;
        var entry = new EntryWriter();
        image.Write(live, entry);
        var before = Serializer.SerializeToArray(EntryDecoder.Read(entry.Written.Span));
        output.WriteLine($"an accepted order: format 1 {entry.Length} B, the serializer's entry {before.Length} B");
        Assert.InRange(entry.Length, 40, 90);
        Assert.True(entry.Length < before.Length);
    }

    [Fact]
    public void Values_ComeBackExactly()
    {
        decimal[] decimals = [0m, -0m, 1.5m, 1.50m, -1.50m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, 18_446_744_073_709_551_616m];
        long[] longs = [0, 1, -1, 63, 64, -64, -65, long.MaxValue, long.MinValue];
        string?[] strings = [null, "", "BTC-PERP", "é€😀", new string('x', 300)];
        var w = new EntryWriter();
        w.Start();
        Array.ForEach(decimals, w.Decimal);
        Array.ForEach(longs, w.Int);
        Array.ForEach(strings, w.String);
        w.Fixed64(ulong.MaxValue);
        var r = new EntryReader(w.Written.Span);
        foreach (var d in decimals)
        {
            var back = r.Decimal();
            Assert.Equal(decimal.GetBits(d), decimal.GetBits(back));
        }

        foreach (var l in longs)
        {
            Assert.Equal(l, r.Int());
        }

        foreach (var s in strings)
        {
            Assert.Equal(s, r.String());
        }

        Assert.Equal(ulong.MaxValue, r.Fixed64());
        Assert.True(r.End);
    }

    [Fact]
    public void AnOrdersTimeAndOffset_ComeBackExactly()
    {
        var live = new AccountRecord();
        var image = new WrittenImage();
        image.Reset(live);
        var reserved = new DateTimeOffset(2026, 12, 6, 2, 30, 15, 123, TimeSpan.FromMinutes(-330)).AddTicks(4567);
        live.Orders.Add(new OrderRecord { ClientOrderId = "o", InstrumentId = "ETH-PERP", Side = Side.Sell, Qty = 2m, Price = 3_000m, ReservedAt = reserved, ReduceOnly = true, Venue = "v" });
        var order = Assert.Single(image.Changes(live).Orders!.Inserted);
        Assert.Equal(reserved.Ticks, order.ReservedAt.Ticks);
        Assert.Equal(reserved.Offset, order.ReservedAt.Offset);
        Assert.True(order.ReduceOnly);
        Assert.Equal(Side.Sell, order.Side);
    }

    [Fact]
    public void AnEntryCutShortOrWithBytesAfterIt_IsRefusedWithAClearError()
    {
        var live = new AccountRecord();
        var changes = new JournalReplayTests.RandomChanges(live, new Random(5), window: 8);
        var image = new WrittenImage();
        image.Reset(live);
        changes.Apply(40);
        var entry = new EntryWriter();
        image.Write(live, entry);
        var whole = entry.Written.ToArray();
        for (var length = 1; length < whole.Length; length++)
        {
            var cut = whole[..length];
            var refused = Assert.Throws<InvalidDataException>(() => RedisAccountJournal.Entry(Serializer, cut, Account));
            Assert.Contains("account", refused.Message, StringComparison.Ordinal);
        }

        Assert.Throws<InvalidDataException>(() => RedisAccountJournal.Entry(Serializer, [.. whole, 0], Account));
    }

    private static AccountRecord RoundTrip(AccountRecord record) => Serializer.Deserialize<AccountRecord>(Serializer.SerializeToArray(record))!;

    // Every stored field, decimals as their bits (scale and sign), the time as ticks and offset: as the fixture's tool wrote them.
    private static string Describe(IEnumerable<OrderRecord> orders) => string.Join(',', orders.Select(o =>
        $"{o.ClientOrderId}|{o.InstrumentId}|{(int)o.Side}|{Bits(o.Qty)}|{Bits(o.Price)}|{o.ReservedAt.Ticks}|{o.ReservedAt.Offset.TotalMinutes}|{o.ReduceOnly}|{o.Venue}"));

    private static string Bits(decimal d) => string.Join('.', decimal.GetBits(d));
}

using Grid.Abstractions.Engine;
using Grid.Gateway.Audit;
using Grid.Host.Audit;
using Grid.Risk.Accounts;
using Grid.Testing;
using Xunit;
using StackExchange.Redis;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Audit;

/// <summary>
/// The Redis trail writes each record as one value straight from its entry (<see cref="RedisAuditBatch"/>,
/// <see cref="PackedAuditRecord"/>): it must read back as the wire record the entry makes
/// (<see cref="AuditText.ToRecord"/>), field by field, and as the same record stored in the layout before (one
/// field per record field), which a stream may still hold; a malformed value is refused, naming its entry.
/// </summary>
public sealed class RedisAuditBatchTests
{
    private const string Silo = "host-a/42";
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 21, 30, 15, 123, TimeSpan.FromHours(2));

    [Fact]
    public void EachRecordsValue_ReadsBackAsTheWireRecord()
    {
        var batch = new RedisAuditBatch(Silo);
        foreach (var entries in new[] { Entries(7), Entries(3), Entries(7), Entries(300) })
        {
            var args = batch.Args(entries, 1_000);
            Assert.Equal(1 + entries.Count, args.Length);
            Assert.Equal("1000", (string?)args[0]);
            for (var r = 0; r < entries.Count; r++)
            {
                Assert.Equal(AuditText.ToRecord("7-1", entries[r], Silo), PackedAuditRecord.Read("7-1", ((ReadOnlyMemory<byte>)args[1 + r]).Span));
            }
        }
    }

    [Fact]
    public void ARecordTheFormatterWouldRefuse_IsWritten_AndTheBatchGoesOn()
    {
        // A lone surrogate in a decision and in an operator call's request (made in process; the wire has none):
        // protobuf's formatter throws on both, which would have ended the trail's writer with its batch.
        var entries = Entries(4);
        entries.Insert(1, new AuditEntry
        {
            At = T0, Caller = "engine-1", Action = "/grid.v1.PreTrade/Stream", Kind = Wire.AuditKind.Decision, AccountId = "acc-x",
            Inputs = new EngineCommand { Kind = CommandKind.Check, ClientOrderId = "lone \ud800" },
            Outcome = new Wire.OrderDecision { AccountId = "acc-x", ClientOrderId = "lone \ud800", Decision = Wire.Decision.Accept },
        });
        entries.Insert(3, new AuditEntry
        {
            At = T0, Caller = "ops", Action = "/grid.v1.Admin/FreezeAccount", Kind = Wire.AuditKind.Admin,
            Inputs = new Wire.FreezeAccountRequest { AccountId = "acc-y", Reason = "\udc00" }, Status = "OK",
        });

        var args = new RedisAuditBatch(Silo).Args(entries, 1_000);
        var records = entries.Select((_, r) => PackedAuditRecord.Read("1-0", ((ReadOnlyMemory<byte>)args[1 + r]).Span)).ToList();
        for (var r = 0; r < entries.Count; r++)
        {
            // As the layout before stored it (each field's text sent as UTF-8, a lone surrogate becoming U+FFFD) and read it.
            var fields = RedisAuditFields.From(AuditText.ToRecord("1-0", entries[r], Silo)).Select(f => new NameValueEntry(f.Name, (byte[]?)f.Value)).ToArray();
            var expected = RedisAuditFields.To(new StreamEntry("1-0", fields));
            Assert.Equal(expected, records[r]);
        }

        Assert.Contains("\\ud800", records[1].OutcomeJson, StringComparison.Ordinal);
        Assert.Equal("lone \ufffd", records[1].ClientOrderId);
    }

    [Fact]
    public void MalformedValues_AreRefused_NamingTheStreamEntry()
    {
        var good = ((ReadOnlyMemory<byte>)new RedisAuditBatch(Silo).Args(Entries(1), 10)[1]).ToArray();
        byte[][] malformed =
        [
            [],
            [2, .. good[1..]],
            good[..^1],
            [.. good, 0],
            good[..3],
            [1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
            [1, 0, 5, 0xC3, 0x28, 0x41, 0x42, 0x43],
            [1, 0, 0x7F, 0x41],
        ];
        foreach (var value in malformed)
        {
            var refused = Assert.Throws<InvalidDataException>(() => RedisAuditFields.To(new StreamEntry("1733520000000-7", [new NameValueEntry("r", value)])));
            Assert.StartsWith("audit stream entry 1733520000000-7: ", refused.Message, StringComparison.Ordinal);
        }

        var mixed = Assert.Throws<InvalidDataException>(() => RedisAuditFields.To(new StreamEntry("5-5", [new NameValueEntry("r", good), new NameValueEntry("caller", "x")])));
        Assert.StartsWith("audit stream entry 5-5: ", mixed.Message, StringComparison.Ordinal);
        Assert.Equal(AuditText.ToRecord("5-5", Entries(1)[0], Silo), RedisAuditFields.To(new StreamEntry("5-5", [new NameValueEntry("r", good)])));
    }

    [RedisFact]
    public async Task ABatchWrittenByTheScript_AmongRecordsOfTheLayoutBefore_ReadsBackAsTheWireRecords()
    {
        await using var redis = new RedisServer(fsync: false);
        await redis.StartAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        var batch = new RedisAuditBatch(Silo);
        List<AuditEntry> first = Entries(5), second = Entries(2);
        await db.ScriptEvaluateAsync(RedisAuditScript.Append, ["audit"], batch.Args(first, 100));
        foreach (var entry in first)
        {
            // The same records as the layout before stored them: one field per record field.
            await db.StreamAddAsync("audit", RedisAuditFields.From(AuditText.ToRecord("", entry, Silo)));
        }

        batch.Abandon();
        await db.ScriptEvaluateAsync(RedisAuditScript.Append, ["audit"], batch.Args(second, 100));

        var stored = await db.StreamRangeAsync("audit");
        var entries = first.Concat(first).Concat(second).ToList();
        Assert.Equal(entries.Count, stored.Length);
        for (var i = 0; i < stored.Length; i++)
        {
            var packed = i < first.Count || i >= 2 * first.Count;
            Assert.Equal(packed ? ["r"] : RedisAuditFields.From(AuditText.ToRecord("", first[0], Silo)).Select(f => (string?)f.Name), stored[i].Values.Select(v => (string?)v.Name));
            Assert.Equal(AuditText.ToRecord(stored[i].Id.ToString(), entries[i], Silo), RedisAuditFields.To(stored[i]));
        }
    }

    [RedisFact]
    public async Task TheScript_TrimsTheStreamOnceABatch_ToAboutItsMaximumLength()
    {
        await using var redis = new RedisServer(fsync: false);
        await redis.StartAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        var batch = new RedisAuditBatch(Silo);
        for (var i = 0; i < 40; i++)
        {
            await db.ScriptEvaluateAsync(RedisAuditScript.Append, ["audit"], batch.Args(Entries(100), 500));
        }

        // Approximate, as XADD's MAXLEN ~ was: whole stream nodes (100 entries each by default) are dropped.
        Assert.InRange(await db.StreamLengthAsync("audit"), 500, 700);
    }

    // Decisions (accepted, rejected, replayed), funding applied and refused, operator calls with and without an outcome.
    private static List<AuditEntry> Entries(int count)
    {
        var entries = new List<AuditEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var id = i % 3 == 2 ? $"ord\"{i}\" é😀" : $"o{i}";
            entries.Add((i % 4) switch
            {
                0 or 1 => new AuditEntry
                {
                    At = T0.AddTicks(i * 1_234_567), Caller = "engine-1", Action = "/grid.v1.PreTrade/Stream", Kind = Wire.AuditKind.Decision, AccountId = $"acc-{i}",
                    Inputs = new EngineCommand { Kind = CommandKind.Check, CorrelationId = (ulong)i, ClientOrderId = id, InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = 0.015m * i, Price = 60_000, Venue = "engine-1" },
                    Outcome = new Wire.OrderDecision
                    {
                        AccountId = $"acc-{i}", ClientOrderId = id, Decision = i % 4 == 0 ? Wire.Decision.Accept : Wire.Decision.Reject,
                        RejectReason = i % 4 == 0 ? Wire.RejectReason.Unspecified : Wire.RejectReason.InsufficientMargin,
                        Shortfall = new Wire.Decimal { Units = i, Nanos = 250_000_000 }, Replayed = i % 8 == 1,
                    },
                },
                2 => new AuditEntry
                {
                    At = T0.AddSeconds(i), Caller = "engine-2", Action = "/grid.v1.PreTrade/Stream", Kind = Wire.AuditKind.Admin, AccountId = $"acc-{i}",
                    Inputs = new EngineCommand { Kind = CommandKind.Funding, FundingId = id, InstrumentId = "ETH-PERP", Accrue = -1.25m, Settle = true },
                    Outcome = new Wire.Ack { ClientOrderId = id },
                    Status = i % 2 == 0 ? "FAILED_PRECONDITION" : AuditText.Ok,
                },
                _ => new AuditEntry
                {
                    At = T0.AddMinutes(i), Caller = "", Action = "/grid.v1.Admin/FreezeAccount", Kind = Wire.AuditKind.Admin,
                    Inputs = new Wire.FreezeAccountRequest { AccountId = $"acc-{i}", Reason = id }, Status = "PERMISSION_DENIED",
                },
            });
        }

        return entries;
    }
}

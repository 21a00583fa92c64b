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
/// The Redis trail writes its records' fields straight from the entries (<see cref="RedisAuditBatch"/>): the
/// stream entries must hold what the wire record's fields held before (<see cref="RedisAuditFields.From"/>),
/// byte for byte, so QueryAudit reads back the same records.
/// </summary>
public sealed class RedisAuditBatchTests
{
    private const string Silo = "host-a/42";
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 21, 30, 15, 123, TimeSpan.FromHours(2));

    [Fact]
    public void EachRecordsValues_AreTheWireRecordsFields_ByteForByte()
    {
        var batch = new RedisAuditBatch(Silo);
        foreach (var entries in new[] { Entries(7), Entries(3), Entries(7) })
        {
            var args = batch.Args(entries, 1_000);
            var names = RedisAuditBatch.Names.Length;
            Assert.Equal(2 + names + (names * entries.Count), args.Length);
            Assert.Equal("1000", (string?)args[0]);
            Assert.Equal(names, (int)args[1]);
            for (var r = 0; r < entries.Count; r++)
            {
                var expected = RedisAuditFields.From(AuditText.ToRecord("", entries[r], Silo));
                Assert.Equal(expected.Select(f => (string?)f.Name), RedisAuditBatch.Names);
                for (var j = 0; j < names; j++)
                {
                    Assert.Equal((byte[]?)expected[j].Value, (byte[]?)args[2 + names + (r * names) + j]);
                }
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
        var names = RedisAuditBatch.Names.Length;
        for (var r = 0; r < entries.Count; r++)
        {
            var expected = RedisAuditFields.From(AuditText.ToRecord("", entries[r], Silo));
            for (var j = 0; j < names; j++)
            {
                Assert.Equal((byte[]?)expected[j].Value, (byte[]?)args[2 + names + (r * names) + j]);
            }
        }

        Assert.Contains("\\ud800", (string?)args[2 + names + names + 9], StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task ABatchWrittenByTheScript_ReadsBackAsTheWireRecords()
    {
        await using var redis = new RedisServer(fsync: false);
        await redis.StartAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        var batch = new RedisAuditBatch(Silo);
        List<AuditEntry> first = Entries(5), second = Entries(2);
        await db.ScriptEvaluateAsync(RedisAuditScript.Append, ["audit"], batch.Args(first, 100));
        batch.Abandon();
        await db.ScriptEvaluateAsync(RedisAuditScript.Append, ["audit"], batch.Args(second, 100));

        var stored = await db.StreamRangeAsync("audit");
        Assert.Equal(first.Count + second.Count, stored.Length);
        var entries = first.Concat(second).ToList();
        for (var i = 0; i < stored.Length; i++)
        {
            Assert.Equal(RedisAuditBatch.Names, stored[i].Values.Select(v => (string?)v.Name));
            Assert.Equal(AuditText.ToRecord(stored[i].Id.ToString(), entries[i], Silo), RedisAuditFields.To(stored[i]));
        }
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

using System.Globalization;
using Grid.Abstractions.Engine;
using Grid.Gateway.Audit;
using Grid.Gateway.PreTrade;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Microsoft.Extensions.Options;
using Wire = Grid.Api.V1;

namespace Grid.HopCosts.Audit;

/// <summary>
/// The audit record of one decision: today's (an AuditEntry object holding the EngineCommand and the
/// OrderDecision, in a ring of 100,000) against a fixed-size struct in a preallocated ring. Measured on
/// the thread pool with the reply garbage of a real message, so the GC cost of keeping 100,000 object
/// graphs alive (they survive gen0 and get promoted) shows, not only the ns of the call.
/// </summary>
internal static class AuditCost
{
    public static async Task Run(TextWriter output, int decisions)
    {
        var command = new EngineCommand { CorrelationId = 1, Kind = CommandKind.Check, ClientOrderId = "load-0042-00001234", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = 0.05m, Price = 59_950.5m, Venue = "grid-dev-engine" };
        var reply = new EngineReply { Kind = ReplyKind.Decision, Command = CommandKind.Check, ClientOrderId = command.ClientOrderId, Decision = Decision.Accept, ImBefore = 61_234.57m, ImAfter = 61_534.12m, AvailableAfter = 9_938_465.88m, Equity = 10_000_000.01m, MmAfter = 30_767.06m };
        var trail = new MemoryAuditTrail(Options.Create(new AuditOptions()));
        var audit = new DecisionAudit(trail, TimeProvider.System, "grid-dev-engine", "/grid.v1.PreTrade/Stream");
        var ring = new DecisionRing(100_000);

        output.WriteLine("| audit of one decision (with the message's reply garbage, 2 threads) | CPU µs/decision | B/decision | gen0/gen1/gen2 per 1,000 |");
        output.WriteLine("|---|---:|---:|---|");
        await Row(output, "no audit (reply conversion only)", decisions, (c, i) => GridReplies.From("load-0042", c, reply), command);
        await Row(output, "today: AuditEntry(EngineCommand, OrderDecision) in a 100k ring", decisions, (c, i) =>
        {
            var wire = GridReplies.From("load-0042", c, reply);
            audit.Record("load-0042", c, wire);
        }, command);
        await Row(output, "candidate: fixed-size struct in a preallocated 100k ring", decisions, (c, i) =>
        {
            var wire = GridReplies.From("load-0042", c, reply);
            ring.Add(42, c.CorrelationId, c.ClientOrderId, (byte)c.Kind, (byte)reply.Decision, (byte)reply.Reason, reply.ImAfter, reply.AvailableAfter, c.Qty, c.Price);
        }, command);
    }

    private static async Task Row(TextWriter output, string name, int decisions, Action<EngineCommand, int> record, EngineCommand template)
    {
        var gc = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var (cpu, bytes, _) = await Cost.Process(decisions, () => Task.WhenAll(Enumerable.Range(0, 2).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < decisions / 2; i++)
            {
                // A fresh command per message, as the stream reads one (its strings are the message's own).
                record(template with { CorrelationId = (ulong)i, ClientOrderId = string.Concat("load-0042-", i.ToString("D8", CultureInfo.InvariantCulture)) }, i);
            }
        }))));
        var per = 1000.0 / decisions;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {cpu:0.00} | {bytes:0} | {(GC.CollectionCount(0) - gc.Item1) * per:0.00}/{(GC.CollectionCount(1) - gc.Item2) * per:0.00}/{(GC.CollectionCount(2) - gc.Item3) * per:0.000} |"));
    }
}

using Grid.Abstractions;
using Grid.Abstractions.Engine;

namespace Grid.Grains.Accounts;

/// <summary>Counts decisions by outcome and reason, and how long a batch took to become durable.</summary>
internal static class AccountMetrics
{
    private static readonly string[] Decisions = ["", "accept", "accept_risk_reducing", "reject"];

    public static void Record(ReadOnlySpan<EngineReply> replies, TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds;
        foreach (var r in replies)
        {
            if (r.Kind != ReplyKind.Decision)
            {
                continue;
            }

            GridMetrics.Checks.Add(1, new KeyValuePair<string, object?>("decision", Decisions[(int)r.Decision]), new KeyValuePair<string, object?>("reason", ReasonName(r.Reason)));
            GridMetrics.CheckLatency.Record(seconds);
        }
    }

    // Enum names are interned by the runtime; ToString would allocate on every check.
    private static string ReasonName(Risk.Decisions.RejectReason reason) => reason switch
    {
        Risk.Decisions.RejectReason.None => "none",
        Risk.Decisions.RejectReason.InsufficientMargin => "insufficient_margin",
        Risk.Decisions.RejectReason.ReduceOnly => "reduce_only",
        _ => Enum.GetName(reason) ?? "other",
    };
}

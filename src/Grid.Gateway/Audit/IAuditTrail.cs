using Grid.Abstractions.Engine;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>
/// Where audit entries go: a bounded ring in memory (embedded), or a Redis stream shared by every silo.
/// Recording never blocks and never throws: a trail that cannot keep up counts what it dropped.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Records <paramref name="entry"/> (thread-safe, non-blocking).</summary>
    void Record(AuditEntry entry);

    /// <summary>
    /// True when <see cref="Record"/> keeps no reference to the entry's outcome once it returns (it stores a copy,
    /// or nothing): the PreTrade stream then reuses its reply messages once written (<c>ReplyPool</c>). False
    /// for a trail that queues entries as they are.
    /// </summary>
    bool CopiesOnRecord => false;

    /// <summary>
    /// Records a decision on an engine command (thread-safe, non-blocking), as <see cref="Record"/> would an entry
    /// of kind AUDIT_KIND_DECISION with status OK; a trail may store it without making the entry.
    /// </summary>
    void RecordDecision(DateTimeOffset at, string caller, string action, string accountId, EngineCommand command, Wire.OrderDecision decision)
        => Record(new AuditEntry { At = at, Caller = caller, Action = action, Kind = Wire.AuditKind.Decision, AccountId = accountId, Inputs = command, Outcome = decision });

    /// <summary>
    /// A page of matching records, oldest first. <c>NextPageToken</c> holds the raw position of the last
    /// record scanned (the service makes it an opaque token); <see cref="AuditQuery.After"/> is such a position.
    /// </summary>
    Task<Wire.QueryAuditResponse> Query(AuditQuery query, CancellationToken cancellationToken);
}

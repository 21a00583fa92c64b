using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>
/// Records the pre-trade decisions of one call (a PreTrade stream or a single check) for its caller:
/// one small object per decision, the request and the decision kept as they are.
/// </summary>
internal sealed class DecisionAudit(IAuditTrail trail, TimeProvider clock, string caller, string action)
{
    /// <summary>Records <paramref name="reply"/> when it is a decision; acks and errors are not decisions.</summary>
    public void Record(string accountId, object inputs, Wire.GridMessage reply)
    {
        if (reply.BodyCase == Wire.GridMessage.BodyOneofCase.Decision)
        {
            Record(accountId, inputs, reply.Decision);
        }
    }

    /// <summary>Records one decision.</summary>
    public void Record(string accountId, object inputs, Wire.OrderDecision decision)
        => trail.Record(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Caller = caller,
            Action = action,
            Kind = Wire.AuditKind.Decision,
            AccountId = accountId.Length > 0 ? accountId : decision.AccountId,
            Inputs = inputs,
            Outcome = decision,
        });
}

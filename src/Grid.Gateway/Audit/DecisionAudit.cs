using Grid.Abstractions.Engine;
using Grid.Gateway.Faults;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>
/// Records the pre-trade decisions of one call (a PreTrade stream or a single check) for its caller:
/// one short-lived entry per decision, the request and the decision as they are (the memory trail keeps
/// them as compact bytes, <see cref="CompactDecision"/>). Funding sent on the
/// stream is recorded too, as an action (AUDIT_KIND_ADMIN), applied or refused.
/// </summary>
internal sealed class DecisionAudit(IAuditTrail trail, TimeProvider clock, string caller, string action)
{
    /// <summary>True when the trail keeps no reference to a recorded reply (<see cref="IAuditTrail.CopiesOnRecord"/>).</summary>
    public bool CopiesOnRecord => trail.CopiesOnRecord;

    /// <summary>Records <paramref name="reply"/> when it is a decision or answers funding; other acks and errors are not recorded.</summary>
    public void Record(string accountId, object inputs, Wire.GridMessage reply)
    {
        if (reply.BodyCase == Wire.GridMessage.BodyOneofCase.Decision)
        {
            Record(accountId, inputs, reply.Decision);
        }
        else if (inputs is EngineCommand { Kind: CommandKind.Funding })
        {
            trail.Record(new AuditEntry
            {
                At = clock.GetUtcNow(),
                Caller = caller,
                Action = action,
                Kind = Wire.AuditKind.Admin,
                AccountId = accountId,
                Inputs = inputs,
                Outcome = reply.BodyCase == Wire.GridMessage.BodyOneofCase.Ack ? reply.Ack : reply.Error,
                Status = reply.BodyCase == Wire.GridMessage.BodyOneofCase.Error ? AuditText.StatusName(WireErrors.StatusOf(reply.Error.Code)) : AuditText.Ok,
            });
        }
    }

    /// <summary>Records <paramref name="reply"/> to an engine command as <see cref="Record(string, object, Wire.GridMessage)"/> does, without boxing the command for a decision.</summary>
    public void Record(string accountId, EngineCommand command, Wire.GridMessage reply)
    {
        if (reply.BodyCase == Wire.GridMessage.BodyOneofCase.Decision)
        {
            Record(accountId, command, reply.Decision);
        }
        else if (command.Kind == CommandKind.Funding)
        {
            Record(accountId, (object)command, reply);
        }
    }

    /// <summary>Records one decision on an engine command (the stream's common case: the trail may store it without an entry object).</summary>
    public void Record(string accountId, EngineCommand command, Wire.OrderDecision decision)
        => trail.RecordDecision(clock.GetUtcNow(), caller, action, accountId.Length > 0 ? accountId : decision.AccountId, command, decision);

    /// <summary>Records one decision.</summary>
    public void Record(string accountId, object inputs, Wire.OrderDecision decision)
    {
        if (inputs is EngineCommand command)
        {
            Record(accountId, command, decision);
            return;
        }

        trail.Record(new AuditEntry
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
}

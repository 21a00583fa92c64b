using Google.Protobuf;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>
/// One thing the trail records, as the gateway saw it. Holds the request and the answer as they
/// are (no formatting on the hot path); the trail renders them as JSON when it stores or answers.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>When the grid answered.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>API key id of the caller; empty when it was not authenticated.</summary>
    public required string Caller { get; init; }

    /// <summary>The RPC ("/grid.v1.Admin/FreezeAccount").</summary>
    public required string Action { get; init; }

    /// <summary>Decision or operator action.</summary>
    public required Wire.AuditKind Kind { get; init; }

    /// <summary>The account concerned, or empty.</summary>
    public string AccountId { get; init; } = "";

    /// <summary>The request: a protobuf message, or the engine command the account applied.</summary>
    public object? Inputs { get; init; }

    /// <summary>The answer (a decision, or the operator call's result); null for a failed call.</summary>
    public IMessage? Outcome { get; init; }

    /// <summary>"OK", or the gRPC status code name of a failed call.</summary>
    public string Status { get; init; } = AuditText.Ok;

    /// <summary>Decisions: the decision (null for operator actions).</summary>
    public Wire.OrderDecision? Decision => Outcome as Wire.OrderDecision;
}

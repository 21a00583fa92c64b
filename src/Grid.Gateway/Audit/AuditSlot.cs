using Google.Protobuf;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>
/// One record of the memory trail's ring, fixed-size. A decision on an engine command is kept as bytes
/// (<see cref="CompactDecision"/>) in the slot's share of the trail's byte chunks, or in <see cref="Spill"/>
/// when longer; anything else (operator actions, funding, refused messages: rare) keeps its request and
/// answer in <see cref="Inputs"/> and <see cref="Outcome"/>. Caller, action and status are the call's
/// shared strings, so a decision keeps alive its account id at most.
/// </summary>
internal struct AuditSlot
{
    public long AtUtcTicks;
    public string Caller;
    public string Action;
    public string AccountId;
    public string Status;
    public Wire.AuditKind Kind;

    /// <summary>Bytes of the compact decision in the slot's chunk share; 0 when there are none there.</summary>
    public int Length;

    /// <summary>The compact decision when longer than the slot's share, else null.</summary>
    public byte[]? Spill;

    public object? Inputs;
    public IMessage? Outcome;

    /// <summary>True once a record was written here.</summary>
    public readonly bool Used => Caller is not null;

    /// <summary>The filtered fields, for <see cref="AuditQuery.Matches(AuditEntry)"/>; inputs and outcome left out.</summary>
    public readonly AuditEntry Header() => new()
    {
        At = new DateTimeOffset(AtUtcTicks, TimeSpan.Zero),
        Caller = Caller,
        Action = Action,
        Kind = Kind,
        AccountId = AccountId,
        Status = Status,
    };
}

using System.Globalization;
using Google.Protobuf;
using Grid.Abstractions.Engine;
using Microsoft.Extensions.Options;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>
/// The embedded default: the newest <see cref="AuditOptions.Capacity"/> records of this silo in a ring,
/// numbered from 1. Older records are overwritten (and counted as dropped), so memory stays bounded.
/// The ring holds fixed-size records (<see cref="AuditSlot"/>) and a decision's request and answer as
/// compact bytes in chunks allocated once as the ring first fills: keeping 100,000 replies alive made every
/// reply survive into the older generations (docs/performance.md), the bytes keep no object at all.
/// </summary>
public sealed class MemoryAuditTrail(IOptions<AuditOptions> options) : IAuditTrail
{
    /// <summary>Bytes a slot holds inline: a decision with its command takes about 150.</summary>
    internal const int SlotBytes = 256;

    // Records per chunk: the ring's slots and bytes are allocated a chunk at a time, so a large capacity costs memory only once used.
    private const int ChunkSlots = 4096;

    [ThreadStatic]
    private static byte[]? t_scratch;

    private readonly int _capacity = options.Value.Capacity;
    private readonly AuditSlot[]?[] _slots = new AuditSlot[]?[(options.Value.Capacity + ChunkSlots - 1) / ChunkSlots];
    private readonly byte[]?[] _bytes = new byte[]?[(options.Value.Capacity + ChunkSlots - 1) / ChunkSlots];
    private readonly Lock _gate = new();
    private readonly string _silo = options.Value.Silo;
    private long _last;

    /// <inheritdoc />
    public bool CopiesOnRecord => true;

    /// <summary>Records overwritten because the ring was full.</summary>
    public long Dropped { get; private set; }

    /// <inheritdoc />
    public void Record(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var slot = new AuditSlot
        {
            AtUtcTicks = entry.At.UtcTicks,
            Caller = entry.Caller,
            Action = entry.Action,
            AccountId = entry.AccountId,
            Status = entry.Status,
            Kind = entry.Kind,
        };
        Store(slot, entry.Inputs, entry.Outcome);
    }

    /// <inheritdoc />
    public void RecordDecision(DateTimeOffset at, string caller, string action, string accountId, EngineCommand command, Wire.OrderDecision decision)
    {
        // Straight into the slot: no entry object per decision.
        var slot = new AuditSlot
        {
            AtUtcTicks = at.UtcTicks,
            Caller = caller,
            Action = action,
            AccountId = accountId,
            Status = AuditText.Ok,
            Kind = Wire.AuditKind.Decision,
        };
        // Encoded as it is; boxed (kept as an object) only when it has no compact form.
        var scratch = t_scratch ??= new byte[4096];
        var length = command.Kind != CommandKind.Funding ? CompactDecision.TryEncode(command, decision, scratch) : -1;
        Keep(slot, length < 0 ? (object)command : null, decision, scratch, length);
    }

    private void Store(AuditSlot slot, object? inputs, IMessage? outcome)
    {
        // Encoded outside the lock, copied inside: streams record concurrently.
        var scratch = t_scratch ??= new byte[4096];
        var length = CompactDecision.Applies(inputs, outcome)
            ? CompactDecision.TryEncode((EngineCommand)inputs!, (Wire.OrderDecision)outcome!, scratch)
            : -1;
        Keep(slot, inputs, outcome, scratch, length);
    }

    // The slot's record: the encoded pair (length ≥ 0, in scratch) or, when length < 0, the objects.
    private void Keep(AuditSlot slot, object? inputs, IMessage? outcome, byte[] scratch, int length)
    {
        if (length < 0)
        {
            // Rare (operator actions, funding, refused messages): kept as objects, the outcome as a copy of its
            // own, since the stream reuses its replies once written (CopiesOnRecord). Requests are never reused.
            (slot.Inputs, slot.Outcome) = (inputs, Copy(outcome));
        }
        else if (length > SlotBytes)
        {
            slot.Spill = scratch.AsSpan(0, length).ToArray();
        }
        else
        {
            slot.Length = length;
        }

        lock (_gate)
        {
            _last++;
            var at = (int)(_last % _capacity);
            ref var stored = ref Slot(at);
            if (stored.Used)
            {
                Dropped++;
            }

            stored = slot;
            if (slot.Length > 0)
            {
                scratch.AsSpan(0, slot.Length).CopyTo(Bytes(at));
            }
        }
    }

    /// <inheritdoc />
    public Task<Wire.QueryAuditResponse> Query(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var after = query.After.Length == 0 ? 0 : long.TryParse(query.After, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : throw Validation.InvalidFieldException.Invalid("page_token", "is not a page token of this call");
        var found = new List<(long Id, AuditEntry Entry)>(query.PageSize);
        long dropped, scannedTo;
        bool reachedEnd;
        lock (_gate)
        {
            dropped = Dropped;
            var oldest = Math.Max(1, _last - _capacity + 1);
            var id = Math.Max(after + 1, oldest);
            for (; id <= _last && found.Count < query.PageSize; id++)
            {
                var at = (int)(id % _capacity);
                var header = Slot(at).Header();
                if (query.Matches(header))
                {
                    found.Add((id, Entry(at, header)));
                }
            }

            scannedTo = Math.Max(after, id - 1);
            reachedEnd = id > _last;
        }

        var response = new Wire.QueryAuditResponse { Dropped = (ulong)dropped, End = reachedEnd };
        foreach (var (id, entry) in found)
        {
            response.Records.Add(AuditText.ToRecord(id.ToString(CultureInfo.InvariantCulture), entry, _silo));
        }

        // The token resumes right after the last record scanned, also at the end (to follow the trail).
        response.NextPageToken = scannedTo > 0 ? scannedTo.ToString(CultureInfo.InvariantCulture) : "";
        return Task.FromResult(response);
    }

    // The whole entry of the record at ring position at (under the lock): its decision decoded when compact.
    private AuditEntry Entry(int at, AuditEntry header)
    {
        ref var slot = ref Slot(at);
        ReadOnlySpan<byte> compact = slot.Spill ?? (slot.Length > 0 ? Bytes(at)[..slot.Length] : []);
        if (compact.IsEmpty)
        {
            return new AuditEntry { At = header.At, Caller = header.Caller, Action = header.Action, Kind = header.Kind, AccountId = header.AccountId, Status = header.Status, Inputs = slot.Inputs, Outcome = slot.Outcome };
        }

        var (command, decision) = CompactDecision.Decode(compact);
        return new AuditEntry { At = header.At, Caller = header.Caller, Action = header.Action, Kind = header.Kind, AccountId = header.AccountId, Status = header.Status, Inputs = command, Outcome = decision };
    }

    private static IMessage? Copy(IMessage? outcome) => outcome?.Descriptor.Parser.ParseFrom(outcome.ToByteString());

    private ref AuditSlot Slot(int at) => ref (_slots[at / ChunkSlots] ??= new AuditSlot[ChunkSlots])[at % ChunkSlots];

    private Span<byte> Bytes(int at) => (_bytes[at / ChunkSlots] ??= new byte[ChunkSlots * SlotBytes]).AsSpan(at % ChunkSlots * SlotBytes, SlotBytes);
}

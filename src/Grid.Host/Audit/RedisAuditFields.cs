using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using StackExchange.Redis;
using Wire = Grid.Api.V1;

namespace Grid.Host.Audit;

/// <summary>
/// An audit record from a Redis stream entry, in either layout, so a stream holding both needs no migration: one
/// field <c>r</c> holding the packed record (<see cref="PackedAuditRecord"/>, written since issue 15's sixth pass),
/// or one field per record field (written before). The id is the stream entry id.
/// </summary>
internal static class RedisAuditFields
{
    /// <summary>A record in the layout of one field per record field (before the packed one); tests write it.</summary>
    public static NameValueEntry[] From(Wire.AuditRecord r) =>
    [
        new("at", r.At.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture)),
        new("caller", r.Caller),
        new("action", r.Action),
        new("kind", (int)r.Kind),
        new("account", r.AccountId),
        new("order", r.ClientOrderId),
        new("decision", (int)r.Decision),
        new("reason", (int)r.RejectReason),
        new("inputs", r.InputsJson),
        new("outcome", r.OutcomeJson),
        new("status", r.Status),
        new("silo", r.Silo),
    ];

    /// <summary>The wire record of <paramref name="entry"/>; a packed value that is malformed is refused (<see cref="InvalidDataException"/> naming the entry).</summary>
    public static Wire.AuditRecord To(StreamEntry entry)
    {
        var id = entry.Id.ToString();
        var values = entry.Values;
        if (values.Length > 0 && values[0].Name == PackedAuditRecord.Field)
        {
            return values.Length == 1
                ? PackedAuditRecord.Read(id, ((ReadOnlyMemory<byte>)values[0].Value).Span)
                : throw new InvalidDataException($"audit stream entry {id}: a packed record ('{PackedAuditRecord.Field}') with {values.Length - 1} other fields");
        }

        var record = new Wire.AuditRecord { Id = id };
        foreach (var field in values)
        {
            var value = field.Value.ToString();
            switch (field.Name.ToString())
            {
                case "at":
                    record.At = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? Timestamp.FromDateTimeOffset(at) : null;
                    break;
                case "caller": record.Caller = value; break;
                case "action": record.Action = value; break;
                case "kind": record.Kind = (Wire.AuditKind)Number(value); break;
                case "account": record.AccountId = value; break;
                case "order": record.ClientOrderId = value; break;
                case "decision": record.Decision = (Wire.Decision)Number(value); break;
                case "reason": record.RejectReason = (Wire.RejectReason)Number(value); break;
                case "inputs": record.InputsJson = value; break;
                case "outcome": record.OutcomeJson = value; break;
                case "status": record.Status = value; break;
                case "silo": record.Silo = value; break;
            }
        }

        return record;
    }

    private static int Number(string value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
}

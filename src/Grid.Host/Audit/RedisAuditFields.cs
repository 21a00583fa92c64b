using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using StackExchange.Redis;
using Wire = Grid.Api.V1;

namespace Grid.Host.Audit;

/// <summary>
/// An audit record as the fields of a Redis stream entry: readable with <c>redis-cli XRANGE grid:audit - +</c>,
/// one field per record field, the id being the stream entry id.
/// </summary>
internal static class RedisAuditFields
{
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

    public static Wire.AuditRecord To(StreamEntry entry)
    {
        var record = new Wire.AuditRecord { Id = entry.Id.ToString() };
        foreach (var field in entry.Values)
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

using System.Collections;
using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Every account id the host answered about with success during the fuzz (a deposit's buying power, a
/// decision, an ack): the accounts whose invariants are checked afterwards, even when Admin.ListAccounts
/// cannot list them. Audit records are skipped (they name the accounts of refused calls too), and so are
/// ids no account can have (empty, over 128 characters, with spaces or control characters).
/// </summary>
internal sealed class TouchedAccounts
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    public IEnumerable<string> Ids => _ids.Keys;

    /// <summary>Records the account ids named in <paramref name="reply"/> (fields "account_id", three levels deep).</summary>
    public void From(IMessage reply, int depth = 0)
    {
        if (reply.Descriptor.Name == "AuditRecord")
        {
            return;
        }

        foreach (var field in reply.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(reply);
            if (field is { Name: "account_id", FieldType: FieldType.String, IsRepeated: false } && value is string { Length: > 0 and <= 128 } id
                && !id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c)))
            {
                _ids.TryAdd(id, 0);
            }
            else if (field.FieldType == FieldType.Message && depth < 3)
            {
                foreach (var inner in field.IsRepeated ? ((IEnumerable)value).OfType<IMessage>() : value is IMessage m ? [m] : [])
                {
                    From(inner, depth + 1);
                }
            }
        }
    }
}

using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Grid.Host.Tests.Contract;

/// <summary>
/// Which response fields a run of the contract suite saw set: a message or Decimal present, a repeated
/// field non-empty, a scalar other than its default (a bool true, an enum not UNSPECIFIED, a
/// non-empty string, a non-zero number), and a oneof case taken. Walks nested grid.v1 messages.
/// </summary>
internal sealed class FieldCoverage
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Every field of the grid.v1 messages reachable from <paramref name="roots"/> (Decimal and google types are leaves).</summary>
    public static SortedSet<string> Fields(params MessageDescriptor[] roots)
    {
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<MessageDescriptor>(roots);
        while (pending.Count > 0)
        {
            var message = pending.Pop();
            if (!visited.Add(message.FullName))
            {
                continue;
            }

            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                fields.Add(Key(message, field));
                if (field.FieldType == FieldType.Message && IsGrid(field.MessageType))
                {
                    pending.Push(field.MessageType);
                }
            }
        }

        return fields;
    }

    /// <summary>Records what <paramref name="message"/> (and everything inside it) sets.</summary>
    public void Observe(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated)
            {
                var list = (IList)value;
                if (list.Count > 0)
                {
                    _seen.Add(Key(message.Descriptor, field));
                    foreach (var item in list)
                    {
                        if (item is IMessage nested && IsGrid(nested.Descriptor))
                        {
                            Observe(nested);
                        }
                    }
                }
            }
            else if (field.FieldType == FieldType.Message)
            {
                if (value is IMessage nested)
                {
                    _seen.Add(Key(message.Descriptor, field));
                    if (IsGrid(nested.Descriptor))
                    {
                        Observe(nested);
                    }
                }
            }
            else if (!IsDefault(value))
            {
                _seen.Add(Key(message.Descriptor, field));
            }
        }
    }

    /// <summary>Fields of <paramref name="expected"/> never seen set.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> expected) => [.. expected.Where(f => !_seen.Contains(f))];

    private static string Key(MessageDescriptor message, FieldDescriptor field) => $"{message.Name}.{field.Name}";

    private static bool IsGrid(MessageDescriptor message) => message.File.Package == "grid.v1" && message.Name != "Decimal";

    private static bool IsDefault(object value) => value switch
    {
        string s => s.Length == 0,
        bool b => !b,
        Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture) == 0,
        ByteString bytes => bytes.IsEmpty,
        _ => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) == 0,
    };
}

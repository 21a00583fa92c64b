using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using WireDecimal = Grid.Api.V1.Decimal;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Builds request messages through Google.Protobuf reflection, so every field of every request type is
/// covered without naming it: each field gets a plausible value (<see cref="PlausibleValues"/>) or, with
/// probability <c>hostility</c>, a hostile one (<see cref="HostileValues"/>): boundary, huge and negative
/// numbers, malformed Decimals, out-of-range instants, unknown enum numbers, empty, huge, unicode and
/// number-like strings, missing or deeply nested messages, repeated fields with many items.
/// </summary>
internal sealed class MessageFuzzer(Random random, FuzzVocabulary vocabulary)
{
    private const int MaxDepth = 5;

    private readonly PlausibleValues _plausible = new(random, vocabulary);
    private readonly RulebookMutator _rulebooks = new(random, vocabulary.RulebookJson);

    /// <summary>A message of <paramref name="type"/> whose fields are hostile with probability <paramref name="hostility"/>.</summary>
    public IMessage Generate(MessageDescriptor type, double hostility) => Build(type, hostility, 0);

    private IMessage Build(MessageDescriptor type, double hostility, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        foreach (var oneof in type.Oneofs.Where(o => !o.IsSynthetic))
        {
            // One case, or (rarely, or often when hostile) none.
            if (random.NextDouble() < 0.05 + (hostility * 0.2))
            {
                continue;
            }

            Fill(message, oneof.Fields[random.Next(oneof.Fields.Count)], hostility, depth);
        }

        foreach (var field in type.Fields.InDeclarationOrder())
        {
            if (field.RealContainingOneof is not null || field.IsMap || random.NextDouble() < 0.04 + (hostility * 0.15))
            {
                continue;
            }

            Fill(message, field, hostility, depth);
        }

        return message;
    }

    private void Fill(IMessage message, FieldDescriptor field, double hostility, int depth)
    {
        if (!field.IsRepeated)
        {
            var value = Value(field, random.NextDouble() < hostility, hostility, depth);
            if (value is not null)
            {
                field.Accessor.SetValue(message, value);
            }

            return;
        }

        var list = (IList)field.Accessor.GetValue(message);
        var count = random.NextDouble() < hostility ? ManyItems(field) : random.Next(4);

        // Long lists carry short items: a list of 10,001 huge strings only tests the 64 KiB cap, slowly.
        var itemHostility = count > 100 ? 0 : hostility;
        for (var i = 0; i < count; i++)
        {
            var hostile = count > 100 ? field.FieldType != FieldType.String && random.NextDouble() < hostility : random.NextDouble() < hostility;
            if (Value(field, hostile, itemHostility, depth) is { } item)
            {
                list.Add(item);
            }
        }
    }

    private int ManyItems(FieldDescriptor field)
    {
        int[] counts = field.FieldType == FieldType.Message ? [0, 1, 2, 101, 1_001, 3_000] : [0, 1, 101, 1_001, 10_001];
        return counts[random.Next(counts.Length)];
    }

    private object? Value(FieldDescriptor field, bool hostile, double hostility, int depth) => field.FieldType switch
    {
        FieldType.String => hostile ? HostileString() : field.Name switch
        {
            "json" or "rulebook_json" => _rulebooks.Next(),
            _ when FuzzDocuments.Carries(field.Name) => new RulebookMutator(random, FuzzDocuments.For(field.Name, random)).Next(),
            _ => _plausible.String(field),
        },
        FieldType.Bytes => ByteString.CopyFrom([.. Enumerable.Range(0, random.Next(hostile ? 2_000 : 16)).Select(_ => (byte)random.Next(256))]),
        FieldType.Bool => random.Next(2) == 1,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => hostile ? Pick(HostileValues.Int32s) : _plausible.Int32(),
        FieldType.UInt32 or FieldType.Fixed32 => hostile ? Pick(HostileValues.UInt32s) : _plausible.UInt32(field),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => hostile ? Pick(HostileValues.Int64s) : _plausible.Int64(),
        FieldType.UInt64 or FieldType.Fixed64 => hostile ? Pick(HostileValues.UInt64s) : _plausible.UInt64(field),
        FieldType.Double => hostile ? Pick(HostileValues.Doubles) : random.NextDouble(),
        FieldType.Float => hostile ? (float)Pick(HostileValues.Doubles) : (float)random.NextDouble(),
        FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType, hostile ? Pick(HostileValues.EnumNumbers) : _plausible.Enum(field.EnumType)),
        FieldType.Message => Message(field, hostile, hostility, depth),
        _ => null,
    };

    private object? Message(FieldDescriptor field, bool hostile, double hostility, int depth)
    {
        switch (field.MessageType.FullName)
        {
            case "grid.v1.Decimal":
                return hostile ? HostileDecimal() : _plausible.Decimal(field);
            case "google.protobuf.Timestamp":
                var (seconds, nanos) = Pick(HostileValues.Instants);
                return hostile ? new Timestamp { Seconds = seconds, Nanos = nanos } : _plausible.Instant(field);
            case "google.protobuf.Duration":
                var (s, n) = Pick(HostileValues.Instants);
                return hostile ? new Duration { Seconds = s, Nanos = n } : _plausible.Span();
            default:
                if (depth >= MaxDepth)
                {
                    return null;
                }

                // A hostile nested message is empty or entirely hostile.
                return hostile
                    ? random.Next(3) == 0 ? Activator.CreateInstance(field.MessageType.ClrType) : Build(field.MessageType, 1.0, depth + 1)
                    : Build(field.MessageType, hostility, depth + 1);
        }
    }

    private WireDecimal HostileDecimal()
    {
        if (random.Next(20) > 0)
        {
            var (units, nanos) = Pick(HostileValues.Decimals);
            return new WireDecimal { Units = units, Nanos = nanos };
        }

        return new WireDecimal { Units = random.NextInt64(long.MinValue, long.MaxValue), Nanos = random.Next(int.MinValue, int.MaxValue) };
    }

    private string HostileString()
    {
        var roll = random.Next(100);
        if (roll < 2)
        {
            return Pick(HostileValues.HugeStrings);
        }

        if (roll < 10)
        {
            // Random UTF-16 units: lone surrogates, private use, controls.
            return new string([.. Enumerable.Range(0, 1 + random.Next(40)).Select(_ => (char)random.Next(0, 0x10000))]);
        }

        return Pick(HostileValues.Strings);
    }

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];
}

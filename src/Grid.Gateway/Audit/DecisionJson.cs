using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Google.Protobuf.Reflection;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>
/// A decision's JSON, written by hand as UTF-8: byte for byte what protobuf's <c>JsonFormatter</c> (default
/// settings) writes for an <see cref="Wire.OrderDecision"/> — fields in number order, defaults left out,
/// enums by name, int64 as a string, its spacing and its escapes (<see cref="ProtoJsonString"/>). The trail
/// formats every decision, and the formatter's reflection and text were most of the Redis trail's CPU
/// (docs/performance.md, issue 15). One difference: a lone surrogate, which the formatter refuses with an
/// exception, is escaped (<c>\udXXX</c>), as System.Text.Json escapes it in a command's inputs.
/// </summary>
public static class DecisionJson
{
    private static readonly byte[][] Decisions = EnumNames(Wire.Decision.Unspecified);
    private static readonly byte[][] Reasons = EnumNames(Wire.RejectReason.Unspecified);
    private static readonly byte[][] States = EnumNames(Wire.AccountState.Unspecified);

    /// <summary>Writes <paramref name="decision"/> in its JSON mapping.</summary>
    public static void Write(Wire.OrderDecision decision, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(output);
        var first = true;
        Raw(output, "{"u8);
        if (decision.AccountId.Length > 0)
        {
            Name(output, ref first, "\"accountId\": "u8);
            ProtoJsonString.Write(decision.AccountId, output);
        }

        if (decision.ClientOrderId.Length > 0)
        {
            Name(output, ref first, "\"clientOrderId\": "u8);
            ProtoJsonString.Write(decision.ClientOrderId, output);
        }

        if (decision.Decision != 0)
        {
            Name(output, ref first, "\"decision\": "u8);
            Enum(output, Decisions, (int)decision.Decision);
        }

        if (decision.RejectReason != 0)
        {
            Name(output, ref first, "\"rejectReason\": "u8);
            Enum(output, Reasons, (int)decision.RejectReason);
        }

        Decimal(output, ref first, "\"shortfall\": "u8, decision.Shortfall);
        Decimal(output, ref first, "\"initialMarginBefore\": "u8, decision.InitialMarginBefore);
        Decimal(output, ref first, "\"initialMarginAfter\": "u8, decision.InitialMarginAfter);
        Decimal(output, ref first, "\"availableAfter\": "u8, decision.AvailableAfter);
        Decimal(output, ref first, "\"equity\": "u8, decision.Equity);
        Decimal(output, ref first, "\"maintenanceAfter\": "u8, decision.MaintenanceAfter);
        if (decision.Replayed)
        {
            Name(output, ref first, "\"replayed\": true"u8);
        }

        if (decision.AccountState != 0)
        {
            Name(output, ref first, "\"accountState\": "u8);
            Enum(output, States, (int)decision.AccountState);
        }

        Raw(output, " }"u8);
    }

    /// <summary>The same JSON as a string (the wire record's field).</summary>
    public static string Format(Wire.OrderDecision decision)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(decision, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The formatter writes "{ " before the first field and ", " between fields; an empty message is "{ }".
    private static void Name(IBufferWriter<byte> output, ref bool first, ReadOnlySpan<byte> name)
    {
        Raw(output, first ? " "u8 : ", "u8);
        first = false;
        Raw(output, name);
    }

    private static void Decimal(IBufferWriter<byte> output, ref bool first, ReadOnlySpan<byte> name, Wire.Decimal? value)
    {
        if (value is null)
        {
            return;
        }

        Name(output, ref first, name);
        var inner = true;
        Raw(output, "{"u8);
        if (value.Units != 0)
        {
            Name(output, ref inner, "\"units\": \""u8);
            Number(output, value.Units);
            Raw(output, "\""u8);
        }

        if (value.Nanos != 0)
        {
            Name(output, ref inner, "\"nanos\": "u8);
            Number(output, value.Nanos);
        }

        Raw(output, " }"u8);
    }

    // A value the enum does not name is written as its number, as the formatter does.
    private static void Enum(IBufferWriter<byte> output, byte[][] names, int value)
    {
        if ((uint)value < (uint)names.Length && names[value] is { } name)
        {
            Raw(output, name);
        }
        else
        {
            Number(output, value);
        }
    }

    private static void Number(IBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        output.Advance(written);
    }

    private static void Raw(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    // The proto names of the enum's values ("DECISION_ACCEPT"), quoted, indexed by number.
    private static byte[][] EnumNames<T>(T any)
        where T : struct, System.Enum
    {
        var descriptor = Wire.OrderDecision.Descriptor.Fields.InFieldNumberOrder()
            .Select(f => f.FieldType == FieldType.Enum ? f.EnumType : null)
            .First(e => e is not null && e.ClrType == any.GetType())!;
        var names = new byte[descriptor.Values.Max(v => v.Number) + 1][];
        foreach (var value in descriptor.Values)
        {
            names[value.Number] = Encoding.UTF8.GetBytes("\"" + value.Name + "\"");
        }

        return names;
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Grid.Abstractions.Engine;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>
/// Writes an audit entry's inputs and outcome as UTF-8 JSON straight into a buffer: the same bytes as the
/// strings <see cref="AuditText"/> makes for the wire record (an engine command field by field, a
/// protobuf message in its JSON mapping), without making those strings. For a trail that stores every
/// decision (Redis mode: ≈ 2.6 KB of garbage a decision went to the wire record and its JSON strings,
/// docs/performance.md). Reuses its own buffers: one per writer thread.
/// </summary>
public sealed class AuditJsonWriter
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default);
    private readonly StringWriter _text = new(CultureInfo.InvariantCulture);
    private readonly Encoder _utf8 = Encoding.UTF8.GetEncoder();
    private Utf8JsonWriter? _json;

    /// <summary>Writes the bytes of <see cref="AuditText.Inputs"/>(<paramref name="inputs"/>).</summary>
    public void WriteInputs(object? inputs, IBufferWriter<byte> output)
    {
        switch (inputs)
        {
            case null:
                return;
            case IMessage message:
                WriteMessage(message, output);
                return;
            case IAuditSummary summary:
                WriteText(summary.ToJson(), output);
                return;
            case EngineCommand { Kind: CommandKind.Funding } f:
            {
                // The fields and their order as AuditText's anonymous object, which System.Text.Json writes the same way.
                var json = Start(output);
                json.WriteStartObject();
                json.WriteString("kind", f.Kind.ToString());
                json.WriteNumber("correlationId", f.CorrelationId);
                json.WriteString("fundingId", f.FundingId);
                json.WriteString("instrumentId", f.InstrumentId);
                json.WriteNumber("accrue", f.Accrue);
                json.WriteBoolean("settle", f.Settle);
                json.WriteEndObject();
                json.Flush();
                return;
            }

            case EngineCommand c:
            {
                var json = Start(output);
                json.WriteStartObject();
                json.WriteString("kind", c.Kind.ToString());
                json.WriteNumber("correlationId", c.CorrelationId);
                json.WriteString("clientOrderId", c.ClientOrderId);
                json.WriteString("instrumentId", c.InstrumentId);
                json.WriteString("side", c.Side.ToString());
                json.WriteNumber("qty", c.Qty);
                json.WriteNumber("price", c.Price);
                json.WriteBoolean("reduceOnly", c.ReduceOnly);
                json.WriteString("venue", c.Venue);
                json.WriteEndObject();
                json.Flush();
                return;
            }

            default:
            {
                var json = Start(output);
                json.WriteStringValue(inputs.ToString());
                json.Flush();
                return;
            }
        }
    }

    /// <summary>Writes the bytes of the outcome's JSON mapping (nothing for none, as the wire record's empty string).</summary>
    public void WriteOutcome(IMessage? outcome, IBufferWriter<byte> output)
    {
        if (outcome is not null)
        {
            WriteMessage(outcome, output);
        }
    }

    private Utf8JsonWriter Start(IBufferWriter<byte> output)
    {
        if (_json is null)
        {
            _json = new Utf8JsonWriter(output);
        }
        else
        {
            _json.Reset(output);
        }

        return _json;
    }

    private void WriteMessage(IMessage message, IBufferWriter<byte> output)
    {
        if (message is Wire.OrderDecision decision)
        {
            // Every decision: written by hand, without the formatter's reflection and text.
            DecisionJson.Write(decision, output);
            return;
        }

        // Formatted into a reused builder, then encoded chunk by chunk (the encoder keeps a surrogate pair split across chunks whole).
        var text = _text.GetStringBuilder();
        text.Clear();
        try
        {
            Json.Format(message, _text);
        }
        catch (ArgumentException)
        {
            // Nothing was written to the output yet: the record keeps a note in place of the message.
            WriteText(AuditText.Unrepresentable(message), output);
            return;
        }

        foreach (var chunk in text.GetChunks())
        {
            Encode(chunk.Span, output, flush: false);
        }

        Encode([], output, flush: true);
    }

    private void WriteText(string text, IBufferWriter<byte> output) => Encode(text, output, flush: true);

    private void Encode(ReadOnlySpan<char> chars, IBufferWriter<byte> output, bool flush)
    {
        var span = output.GetSpan(_utf8.GetByteCount(chars, flush));
        var written = _utf8.GetBytes(chars, span, flush);
        output.Advance(written);
    }
}

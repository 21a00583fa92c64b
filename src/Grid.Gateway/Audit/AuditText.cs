using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grid.Abstractions.Engine;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>Renders audit entries as wire records, their inputs and outcomes as JSON (off the hot path).</summary>
public static class AuditText
{
    /// <summary>Status of a call that succeeded.</summary>
    public const string Ok = "OK";

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default);

    /// <summary>"PermissionDenied" as the gRPC name "PERMISSION_DENIED".</summary>
    public static string StatusName(Grpc.Core.StatusCode code)
    {
        var name = code.ToString();
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>The wire record of <paramref name="entry"/>, stored at <paramref name="id"/> by <paramref name="silo"/>.</summary>
    public static Wire.AuditRecord ToRecord(string id, AuditEntry entry, string silo)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var decision = entry.Decision;
        return new Wire.AuditRecord
        {
            Id = id,
            At = Timestamp.FromDateTimeOffset(entry.At),
            Caller = entry.Caller,
            Action = entry.Action,
            Kind = entry.Kind,
            AccountId = entry.AccountId,
            ClientOrderId = decision?.ClientOrderId ?? "",
            Decision = decision?.Decision ?? Wire.Decision.Unspecified,
            RejectReason = decision?.RejectReason ?? Wire.RejectReason.Unspecified,
            InputsJson = Inputs(entry.Inputs),
            OutcomeJson = Outcome(entry.Outcome),
            Status = entry.Status,
            Silo = silo,
        };
    }

    /// <summary>The answer as JSON: a decision by <see cref="DecisionJson"/>, another message in its JSON mapping; empty for none.</summary>
    public static string Outcome(IMessage? outcome) => outcome switch
    {
        null => "",
        Wire.OrderDecision decision => DecisionJson.Format(decision),
        _ => Message(outcome),
    };

    /// <summary>
    /// What the trail stores for a message the formatter refuses (a string with a lone surrogate, which no
    /// gRPC request carries but a message made in process may): a JSON string naming the message, so the
    /// record is kept and the writer goes on.
    /// </summary>
    public static string Unrepresentable(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Serialize($"{message.Descriptor.FullName}: not representable in JSON (invalid UTF-16 text)");
    }

    private static string Message(IMessage message)
    {
        try
        {
            return Json.Format(message);
        }
        catch (ArgumentException)
        {
            return Unrepresentable(message);
        }
    }

    /// <summary>The request as JSON: a protobuf message in its JSON mapping, an engine command field by field.</summary>
    public static string Inputs(object? inputs) => inputs switch
    {
        null => "",
        IMessage message => Message(message),
        IAuditSummary summary => summary.ToJson(),
        EngineCommand { Kind: CommandKind.Funding } f => JsonSerializer.Serialize(new
        {
            kind = f.Kind.ToString(),
            correlationId = f.CorrelationId,
            fundingId = f.FundingId,
            instrumentId = f.InstrumentId,
            accrue = f.Accrue,
            settle = f.Settle,
        }),
        EngineCommand c => JsonSerializer.Serialize(new
        {
            kind = c.Kind.ToString(),
            correlationId = c.CorrelationId,
            clientOrderId = c.ClientOrderId,
            instrumentId = c.InstrumentId,
            side = c.Side.ToString(),
            qty = c.Qty,
            price = c.Price,
            reduceOnly = c.ReduceOnly,
            venue = c.Venue,
        }),
        _ => JsonSerializer.Serialize(inputs.ToString()),
    };
}

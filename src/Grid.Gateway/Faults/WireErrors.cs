using Google.Protobuf.WellKnownTypes;
using Grid.Abstractions.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Grpc.Core;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Faults;

/// <summary>
/// ErrorDetail on the wire: built from grain error codes, turned into gRPC statuses whose
/// <c>grpc-status-details-bin</c> trailer carries a google.rpc.Status holding the ErrorDetail
/// (common.proto).
/// </summary>
internal static class WireErrors
{
    /// <summary>An error detail; <paramref name="field"/> may be empty when no single field is at fault.</summary>
    public static Wire.ErrorDetail Detail(Wire.ErrorCode code, string field, string message)
        => new() { Code = code, Field = field, Message = message };

    /// <summary>A retriable UNAVAILABLE detail.</summary>
    public static Wire.ErrorDetail Unavailable(string message) => Detail(Wire.ErrorCode.Unavailable, "", message);

    /// <summary>
    /// The wire form of an error reply. Grains write "field: explanation" in the message, so the field
    /// is split off when the prefix looks like one.
    /// </summary>
    public static Wire.ErrorDetail FromReply(EngineReply reply)
    {
        var (field, message) = SplitField(reply.Message);
        var detail = Detail(ToWire(reply.Error), field, message);
        if (reply.RetryAfter > TimeSpan.Zero)
        {
            detail.RetryAfter = Duration.FromTimeSpan(reply.RetryAfter);
        }

        return detail;
    }

    /// <summary>
    /// Grain error codes on the wire. The grain enum is not a numeric mirror (its 8 is UnknownOrder,
    /// the wire's 8 is UNKNOWN_ASSET), so each is mapped by name.
    /// </summary>
    public static Wire.ErrorCode ToWire(ErrorCode code) => code switch
    {
        ErrorCode.Malformed => Wire.ErrorCode.Malformed,
        ErrorCode.UnknownAccount => Wire.ErrorCode.UnknownAccount,
        ErrorCode.UnknownInstrument => Wire.ErrorCode.UnknownInstrument,
        ErrorCode.InvalidField => Wire.ErrorCode.InvalidField,
        ErrorCode.Overloaded => Wire.ErrorCode.Overloaded,
        ErrorCode.Unavailable => Wire.ErrorCode.Unavailable,
        ErrorCode.PermissionDenied => Wire.ErrorCode.PermissionDenied,
        ErrorCode.UnknownOrder => Wire.ErrorCode.FailedPrecondition,
        ErrorCode.IdempotencyConflict => Wire.ErrorCode.IdempotencyConflict,
        ErrorCode.FailedPrecondition => Wire.ErrorCode.FailedPrecondition,
        _ => Wire.ErrorCode.Internal,
    };

    /// <summary>The gRPC status each error code names in common.proto.</summary>
    public static StatusCode StatusOf(Wire.ErrorCode code) => code switch
    {
        Wire.ErrorCode.Malformed or Wire.ErrorCode.InvalidField => StatusCode.InvalidArgument,
        Wire.ErrorCode.UnknownAccount or Wire.ErrorCode.UnknownInstrument or Wire.ErrorCode.UnknownAsset => StatusCode.NotFound,
        Wire.ErrorCode.Overloaded => StatusCode.ResourceExhausted,
        Wire.ErrorCode.Unavailable => StatusCode.Unavailable,
        Wire.ErrorCode.PermissionDenied => StatusCode.PermissionDenied,
        Wire.ErrorCode.IdempotencyConflict => StatusCode.AlreadyExists,
        Wire.ErrorCode.FailedPrecondition => StatusCode.FailedPrecondition,
        _ => StatusCode.Internal,
    };

    /// <summary>The status a unary or server-streaming call fails with; its message names the field.</summary>
    public static RpcException ToRpcException(Wire.ErrorDetail detail) => ToRpcException(detail, StatusOf(detail.Code));

    /// <summary>As <see cref="ToRpcException(Wire.ErrorDetail)"/> with an explicit status (UNIMPLEMENTED has no error code).</summary>
    public static RpcException ToRpcException(Wire.ErrorDetail detail, StatusCode status)
    {
        var message = detail.Field.Length == 0 || detail.Message.StartsWith(detail.Field, StringComparison.Ordinal)
            ? detail.Message
            : $"{detail.Field}: {detail.Message}";
        var rpcStatus = new Google.Rpc.Status { Code = (int)status, Message = message, Details = { Any.Pack(detail) } };
        return rpcStatus.ToRpcException();
    }

    /// <summary>Splits "field: explanation"; a prefix with spaces is prose, not a field.</summary>
    public static (string Field, string Message) SplitField(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || colon > 128)
        {
            return ("", message);
        }

        var field = message.AsSpan(0, colon);
        return field.ContainsAny(' ', '\t') ? ("", message) : (field.ToString(), message);
    }
}

using Wire = Grid.Api.V1;

namespace Grid.Gateway.Validation;

/// <summary>
/// A request field refused at the gateway, before any grain sees it. Carries the wire error: on a
/// stream it becomes an ErrorDetail reply, on a unary call an RpcException.
/// </summary>
internal sealed class InvalidFieldException : Exception
{
    public InvalidFieldException(Wire.ErrorCode code, string field, string problem)
        : base(field.Length == 0 ? problem : $"{field}: {problem}")
    {
        Code = code;
        Field = field;
    }

    /// <summary>MALFORMED for a missing key field or body, INVALID_FIELD for a value out of range.</summary>
    public Wire.ErrorCode Code { get; }

    /// <summary>The dotted path of the field from the request root, e.g. "check.qty".</summary>
    public string Field { get; }

    /// <summary>A missing key field (account, order, trade or request id) or message body.</summary>
    public static InvalidFieldException Malformed(string field, string problem) => new(Wire.ErrorCode.Malformed, field, problem);

    /// <summary>A value out of range or a malformed Decimal.</summary>
    public static InvalidFieldException Invalid(string field, string problem) => new(Wire.ErrorCode.InvalidField, field, problem);

    /// <summary>The error as the wire carries it.</summary>
    public Wire.ErrorDetail ToDetail() => new() { Code = Code, Field = Field, Message = Message };
}

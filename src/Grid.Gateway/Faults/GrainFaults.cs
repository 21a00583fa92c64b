using Grid.Gateway.Validation;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Faults;

/// <summary>
/// What a failed grain call means to the caller. Grains throw ArgumentException naming the field
/// for bad input and KeyNotFoundException for something not listed (an unknown account names the field
/// "account_id"); InvalidOperationException
/// means the account or market cannot serve the call now. Everything else (silo gone, timeout,
/// storage failure, an exception type the gateway cannot see such as the grains' own
/// StorageUnavailableException) is UNAVAILABLE: every mutating call is idempotent, so a retry is safe.
/// </summary>
internal static class GrainFaults
{
    /// <summary>The wire error for <paramref name="exception"/>; <paramref name="notFound"/> is the code of a missing key.</summary>
    public static Wire.ErrorDetail Classify(Exception exception, Wire.ErrorCode notFound) => exception switch
    {
        InvalidFieldException e => e.ToDetail(),
        ArgumentException e => FromArgument(e),
        KeyNotFoundException e => NotFound(e, notFound),
        InvalidOperationException e => WireErrors.Detail(Wire.ErrorCode.FailedPrecondition, WireErrors.SplitField(e.Message).Field, e.Message),

        // A figure beyond the wire Decimal: retrying cannot help (the grid's value limits keep new
        // accounts far from it; only data older than those limits can get here).
        OverflowException => WireErrors.Detail(Wire.ErrorCode.Internal, "", "a figure of the answer is beyond the wire's Decimal range"),
        _ => WireErrors.Unavailable($"the grid could not complete the call ({exception.GetType().Name}); retry"),
    };

    /// <summary>
    /// Something not found: an account (the grains name the field "account_id") is ERROR_CODE_UNKNOWN_ACCOUNT
    /// whatever the call, anything else the call's own code (an instrument, an asset).
    /// </summary>
    private static Wire.ErrorDetail NotFound(KeyNotFoundException e, Wire.ErrorCode notFound)
    {
        var field = WireErrors.SplitField(e.Message).Field;
        return WireErrors.Detail(field == "account_id" ? Wire.ErrorCode.UnknownAccount : notFound, field, e.Message);
    }

    /// <summary>
    /// ArgumentException.Message appends " (Parameter 'x')"; the grains' own text ("field: explanation")
    /// comes first and names the field better than the parameter does.
    /// </summary>
    private static Wire.ErrorDetail FromArgument(ArgumentException e)
    {
        var message = e.Message;
        if (e.ParamName is { } name && message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal))
        {
            message = message[..^($" (Parameter '{name}')".Length)];
        }

        var (field, text) = WireErrors.SplitField(message);
        return WireErrors.Detail(Wire.ErrorCode.InvalidField, field.Length > 0 ? field : e.ParamName ?? "", text);
    }
}

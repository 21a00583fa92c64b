using Grpc.Core;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Which answers to hostile input are acceptable. Any gRPC status is, except:
/// <list type="bullet">
/// <item>UNKNOWN: an exception escaped a handler. Exception: a body that does not decode, which
/// grpc-dotnet's deserializer refuses with UNKNOWN "Exception was thrown by handler." before any grid code
/// runs (grpc-go, grpc-java and grpc-core say INTERNAL there); the same for framing it cannot read (an
/// undefined flag byte, a gzip flag on bytes that are not gzip). It is counted apart, as "Unknown
/// (undecodable body, refused by grpc-dotnet)", and reported as an observation, not a crash.</item>
/// <item>INTERNAL, unless the gRPC framing itself was broken: grpc-dotnet answers a cut frame, data after
/// the single message or a compressed flag without a usable grpc-encoding with INTERNAL before the
/// message reaches the service, as the gRPC protocol prescribes for framing errors.</item>
/// <item>a transport failure (dropped connection, reset stream) or the host exiting. Exceptions: a
/// server-streaming call the fuzz cut with its deadline (the server resets the stream then); after input
/// the server cannot parse (an undecodable or oversized message, broken framing), grpc-dotnet ends the call
/// and resets the HTTP/2 stream, and the reset can overtake the trailers on the client; such a stream-level
/// reset counts apart as "stream reset after broken input". Kestrel also resets, with ENHANCE_YOUR_CALM,
/// new streams on a connection that carries many such half-read streams, and past a limit closes the
/// connection (GOAWAY), so the fuzz sends oversized messages and broken framing on connections of their
/// own (<see cref="FuzzChannels.For"/>, <see cref="RawHttp"/>), where that closure counts apart too. The fuzz's own
/// cancelled subscriptions can trip the same throttle on a loaded machine: a server-streaming call that fails so is
/// sent again alone on a connection of its own, and judged there (<see cref="CallFuzzer"/>).</item>
/// <item>a status or error message that carries a .NET exception's text ("Sequence contains no elements",
/// "Object reference not set…"), or UNAVAILABLE "the grid could not complete the call (SomeException)":
/// an exception nobody expected, turned into a status.</item>
/// <item>DEADLINE_EXCEEDED on a unary call given 15 s: a hang.</item>
/// <item>anything but UNAUTHENTICATED / PERMISSION_DENIED for a call without a valid key or role.</item>
/// <item>anything but RESOURCE_EXHAUSTED for a message over the cap (64 KiB; 4 MiB for Margin).</item>
/// <item>OK with a response that does not parse as the response type.</item>
/// </list>
/// </summary>
internal static class OutcomePolicy
{
    /// <summary>What grpc-dotnet says when anything throws before or in a handler.</summary>
    public const string HandlerThrew = "Exception was thrown by handler.";

    /// <summary>Framing errors grpc-dotnet answers with INTERNAL before the message reaches the service.</summary>
    private static readonly string[] FramingErrors =
    [
        "Incomplete message", "Additional data after the message received", "grpc-encoding value with compressed message",
    ];

    /// <summary>Texts of .NET exceptions that mean a bug when a client sees them.</summary>
    private static readonly string[] LeakedExceptions =
    [
        "Sequence contains no elements", "Sequence contains more than one", "Nullable object must have a value", "Object reference not set",
        "Index was outside the bounds", "Arithmetic operation resulted in an overflow", "Value was either too large or too small",
        "Attempted to divide by zero", "Specified argument was out of the range", "Unable to cast object", "Input string was not in a correct format",
        "An item with the same key has already been added", "The given key", "Collection was modified",
    ];

    /// <summary>True when <paramref name="text"/> carries a .NET exception message.</summary>
    public static bool LeaksException(string text) => LeakedExceptions.Any(e => text.Contains(e, StringComparison.Ordinal));

    /// <summary>The histogram label of <paramref name="result"/>.</summary>
    public static string Label(FuzzInput input, CallResult result)
    {
        var label = result switch
        {
            { Transport: { } transport } when StreamResetAfterBrokenInput(input, result) => $"stream reset ({ResetCode(transport)}) after broken input",
            { Transport: not null } when ConnectionClosedOnBrokenFlood(input, result) => "connection closed by the server (a flood of broken input)",
            { Transport: not null } when CutByItsDeadline(input, result) => "DeadlineExceeded (the fuzz's cut; the server reset the stream)",
            { Code: StatusCode.Internal } when FramingError(input, result) => "Internal (broken framing)",
            { Code: StatusCode.Unknown } when UndecodableBody(input, result) => "Unknown (undecodable body, refused by grpc-dotnet)",
            _ => result.Label,
        };
        return Detailed && result.Code != StatusCode.OK ? $"{label}: {Short(result.Detail)}" : label;
    }

    /// <summary>Why <paramref name="result"/> is a finding, or null when it is an acceptable answer to <paramref name="input"/>.</summary>
    public static string? Judge(FuzzInput input, CallResult result, bool streaming)
    {
        if (result.Transport is not null)
        {
            return StreamResetAfterBrokenInput(input, result) || ConnectionClosedOnBrokenFlood(input, result) || CutByItsDeadline(input, result)
                ? null
                : $"transport failure instead of a status: {result.Transport}";
        }

        if (input.ExpectsRefusal && input.Frame is null)
        {
            // A unary body is read (and size-checked) before the key is; a stream's key before its messages.
            var expected = input.Kind == InputKind.RefusedRole ? StatusCode.PermissionDenied : StatusCode.Unauthenticated;
            return result.Code == expected || (input.Oversize && result.Code == StatusCode.ResourceExhausted) ? null
                : $"{input.Kind}: expected {expected}, got {result.Code} (authentication or authorisation bypassed?)";
        }

        if (input.Oversize && input.Frame is null && result.Code != StatusCode.ResourceExhausted)
        {
            return $"a {input.Body.Length}-byte message (over the {FuzzSettings.MessageCap(input.Rpc)}-byte cap) got {result.Code}, not ResourceExhausted";
        }

        if (LeaksException(result.Detail))
        {
            return $"{result.Code} carrying a .NET exception's message: an unexpected exception";
        }

        return result.Code switch
        {
            StatusCode.Unknown when !UndecodableBody(input, result) => "UNKNOWN: an exception escaped the handler",
            StatusCode.Internal when !FramingError(input, result) => "INTERNAL on hostile input",
            StatusCode.Unavailable when result.Detail.Contains("could not complete the call (", StringComparison.Ordinal) => "an unexpected exception, reported as UNAVAILABLE",
            StatusCode.DeadlineExceeded when !streaming && !result.Cut => $"hang: no answer within {FuzzSettings.UnaryDeadline.TotalSeconds:0} s",
            StatusCode.OK when !streaming && result.Response is { } response && !Parses(input.Rpc, response) => "OK with a response that does not parse",
            _ => null,
        };
    }

    /// <summary>Include status details in histogram labels (GRID_FUZZ_DETAIL=1), for diagnosis.</summary>
    private static bool Detailed { get; } = Environment.GetEnvironmentVariable("GRID_FUZZ_DETAIL") == "1";

    /// <summary>Input the server cannot parse: no grid code can have run on it.</summary>
    private static bool Broken(FuzzInput input) => input.Frame is not null || !input.Decodable || input.Oversize;

    /// <summary>
    /// The fuzz cuts a server-streaming call with a 250 ms deadline. When the deadline fires, grpc-dotnet's
    /// server ends the call and resets its HTTP/2 stream (CANCEL), and under load the reset can reach the
    /// client while it still reads: the client's status is DEADLINE_EXCEEDED with the reset as its cause.
    /// That is the cut the fuzz asked for, not a failure (a CI run counted it on StreamSupervisoryReport).
    /// </summary>
    private static bool CutByItsDeadline(FuzzInput input, CallResult result)
        => input.Rpc.Type == MethodType.ServerStreaming && result.Code == StatusCode.DeadlineExceeded && result.Transport!.Contains("reset the stream", StringComparison.Ordinal);

    private static bool StreamResetAfterBrokenInput(FuzzInput input, CallResult result)
        => Broken(input) && result.Transport!.Contains("reset the stream", StringComparison.Ordinal);

    /// <summary>
    /// UNKNOWN from grpc-dotnet's deserializer: the body, or the first message the framing delivers, does
    /// not decode, or the framing is refused before any message is read.
    /// </summary>
    private static bool UndecodableBody(FuzzInput input, CallResult result)
        => result.Detail == HandlerThrew
            && (input.Frame is { } frame ? frame.Message is null || !InputFactory.Decodes(input.Rpc, frame.Message) : !input.Decodable);

    private static bool FramingError(FuzzInput input, CallResult result)
        => input.Frame is not null && FramingErrors.Any(e => result.Detail.Contains(e, StringComparison.Ordinal));

    /// <summary>
    /// Kestrel's GOAWAY for a connection that keeps sending oversized messages or broken framing; both have
    /// connections of their own (<see cref="FuzzChannels.For"/>, <see cref="RawHttp"/>), so no ordinary call shares them.
    /// How the client words the closure depends on where it was in the call (a failed send; a response that
    /// "ended prematurely" while it still uploaded a body whose answer had not arrived; …), so any transport
    /// failure on such a connection counts here. The server's health is judged by the probes and the
    /// known-good flow that follow, on ordinary connections.
    /// </summary>
    private static bool ConnectionClosedOnBrokenFlood(FuzzInput input, CallResult result)
        => (input.Oversize || input.Frame is not null) && result.Transport is not null;

    /// <summary>"CANCEL" from "… HTTP/2 error code 'CANCEL' (0x8) …".</summary>
    private static string ResetCode(string transport)
    {
        var at = transport.IndexOf("error code '", StringComparison.Ordinal);
        return at < 0 ? "?" : transport[(at + 12)..].Split('\'')[0];
    }

    private static string Short(string text) => text.Length > 90 ? text[..90] : text;

    private static bool Parses(RpcTarget rpc, byte[] response)
    {
        try
        {
            rpc.Response.Parser.ParseFrom(response);
            return true;
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return false;
        }
    }
}

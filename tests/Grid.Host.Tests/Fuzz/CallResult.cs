using Grpc.Core;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// What one call came back with: the gRPC status (OK on success), its detail, the first response
/// message, and whether the status was made up by the client because the transport failed (a dropped
/// connection or a reset stream) rather than sent by the server. <see cref="Cut"/> marks a call the
/// fuzzer ended itself (a stream cancelled after its first message, or a raw request timed out).
/// </summary>
internal sealed record CallResult(StatusCode Code, string Detail, byte[]? Response = null, string? Transport = null, bool Cut = false)
{
    public static CallResult From(RpcException e)
        => e.Status.DebugException is { } cause and not RpcException
            ? new CallResult(e.StatusCode, e.Status.Detail, Transport: $"{cause.GetType().Name}: {cause.Message}")
            : new CallResult(e.StatusCode, e.Status.Detail);

    /// <summary>Histogram label: "OK", "InvalidArgument", "Cut", "transport".</summary>
    public string Label => Transport is not null ? $"transport ({Code})" : Cut ? "cut by fuzzer" : Code.ToString();
}

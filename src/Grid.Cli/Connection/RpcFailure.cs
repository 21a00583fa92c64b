using System.Net.Sockets;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Cli.Text;
using Grpc.Core;

namespace Grid.Cli.Connection;

/// <summary>
/// Turns a failed call into the lines the user sees: <c>error: NOT_FOUND: detail</c>, the grid's
/// <see cref="ErrorDetail"/> from the <c>grpc-status-details-bin</c> trailer when present, or a
/// hint to start the grid when nothing listens at the address.
/// </summary>
internal static class RpcFailure
{
    /// <summary>The trailer carrying a <c>google.rpc.Status</c> (common.proto).</summary>
    public const string StatusDetailsTrailer = "grpc-status-details-bin";

    /// <summary>What to print for <paramref name="failure"/>, one string per line.</summary>
    public static IReadOnlyList<string> Describe(RpcException failure, string server)
    {
        if (IsUnreachable(failure))
        {
            return
            [
                $"error: cannot reach the grid at {server} ({failure.Status.DebugException?.GetBaseException().Message ?? failure.Status.Detail})",
                "hint: is the grid running? start it with `dotnet run --project src/Grid.Host`, or point --server (or GRID_SERVER) at it",
            ];
        }

        var lines = new List<string> { $"error: {StatusName(failure.StatusCode)}: {failure.Status.Detail}" };
        var detail = FindDetail(failure.Trailers);
        if (detail is not null)
        {
            var parts = new List<string> { $"code {EnumText.Format(detail.Code)}" };
            if (detail.Field.Length > 0)
            {
                parts.Add($"field {detail.Field}");
            }

            if (detail.RetryAfter is not null)
            {
                parts.Add($"retry after {TimeText.Age(detail.RetryAfter)}");
            }

            lines.Add("  " + string.Join(", ", parts));
        }

        return lines;
    }

    /// <summary>The canonical gRPC name: NotFound prints as NOT_FOUND.</summary>
    public static string StatusName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        _ => string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant(),
    };

    /// <summary>True when the call never reached a server: connection refused, unknown host.</summary>
    public static bool IsUnreachable(RpcException failure)
    {
        if (failure.StatusCode != StatusCode.Unavailable)
        {
            return false;
        }

        for (var e = failure.Status.DebugException; e is not null; e = e.InnerException)
        {
            if (e is SocketException or HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first <see cref="ErrorDetail"/> in the status details trailer, if any.</summary>
    public static ErrorDetail? FindDetail(Metadata trailers)
    {
        var entry = trailers.Get(StatusDetailsTrailer);
        if (entry is null || !entry.IsBinary)
        {
            return null;
        }

        try
        {
            // google.rpc.Status { int32 code = 1; string message = 2; repeated google.protobuf.Any details = 3; }
            var input = new CodedInputStream(entry.ValueBytes);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                if (WireFormat.GetTagFieldNumber(tag) == 3 && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                {
                    var any = new Any();
                    input.ReadMessage(any);
                    if (any.TryUnpack<ErrorDetail>(out var detail))
                    {
                        return detail;
                    }
                }
                else
                {
                    input.SkipLastField();
                }
            }
        }
        catch (InvalidProtocolBufferException)
        {
            // A malformed trailer only loses the extra line; the status itself is still printed.
        }

        return null;
    }
}

using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// gRPC requests written by hand over HTTP/2 (h2c), so the framing itself can be broken: the body is
/// sent as is and the status is read from the trailers (or from the headers of a trailers-only
/// response). A request still open when the timeout ends is cut, as a subscription would be.
/// </summary>
internal sealed class RawHttp(int port) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true }) { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<CallResult> Send(string path, RawFrame frame, string? key, TimeSpan timeout)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}{path}")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame.Body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", key);
        }

        foreach (var (name, value) in frame.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var cut = new CancellationTokenSource(timeout);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cut.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Status(response.Headers, $"HTTP {(int)response.StatusCode}") ?? new CallResult(StatusCode.Unknown, $"HTTP {(int)response.StatusCode} without grpc-status");
            }

            if (Status(response.Headers, "") is { } trailersOnly)
            {
                return trailersOnly;
            }

            var body = await response.Content.ReadAsByteArrayAsync(cut.Token);
            return Status(response.TrailingHeaders, "") ?? new CallResult(StatusCode.Unknown, "no grpc-status trailer", body);
        }
        catch (OperationCanceledException) when (cut.IsCancellationRequested)
        {
            return new CallResult(StatusCode.DeadlineExceeded, "open when the fuzzer cut it", Cut: true);
        }
        catch (HttpRequestException e)
        {
            return new CallResult(StatusCode.Unavailable, e.Message, Transport: $"{e.GetType().Name}: {e.Message} {e.InnerException?.Message}");
        }
    }

    public void Dispose() => _client.Dispose();

    private static CallResult? Status(HttpHeaders headers, string prefix)
    {
        if (!headers.TryGetValues("grpc-status", out var values) || !int.TryParse(values.FirstOrDefault(), out var code))
        {
            return null;
        }

        var message = headers.TryGetValues("grpc-message", out var m) ? Uri.UnescapeDataString(m.FirstOrDefault() ?? "") : "";
        return new CallResult((StatusCode)code, prefix.Length == 0 ? message : $"{prefix}: {message}");
    }
}

namespace Grid.Testing;

/// <summary>Adds the caller's API key to every gRPC request of a channel.</summary>
internal sealed class ApiKeyHandler(string key) : DelegatingHandler(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("x-api-key", key);
        return base.SendAsync(request, cancellationToken);
    }
}

using Grid.LoadTest.Options;
using Grpc.Net.Client;

namespace Grid.LoadTest.Transport;

/// <summary>
/// The gRPC channels of a phase: one per stream by default (each engine its own HTTP/2 connection,
/// as separate matching engines would have), or one shared by every stream. Streams are spread over
/// the targets round-robin.
/// </summary>
public sealed class EngineChannels : IDisposable
{
    private readonly GrpcChannel[] _channels;

    /// <summary>Creates the channels; no connection is made until a stream opens.</summary>
    public EngineChannels(LoadOptions options)
    {
        var count = options.SharedChannel ? options.Targets.Count : options.Streams;
        _channels = [.. Enumerable.Range(0, count).Select(i => Create(options.Targets[i % options.Targets.Count]))];
    }

    /// <summary>The channel of stream <paramref name="stream"/>.</summary>
    public GrpcChannel For(int stream) => _channels[stream % _channels.Length];

    /// <summary>A channel for unary calls (funding).</summary>
    public static GrpcChannel Create(Uri target) => GrpcChannel.ForAddress(target, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
        },
        MaxReceiveMessageSize = 4 * 1024 * 1024,
    });

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}

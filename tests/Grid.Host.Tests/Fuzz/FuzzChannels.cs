using System.Collections.Concurrent;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// One channel per key (and one without a key), made once and shared by every call of the fuzz; messages
/// over the size cap go on channels of their own (see <see cref="For"/>).
/// </summary>
internal sealed class FuzzChannels(HostProcess host) : IDisposable
{
    private const string NoKey = "\0none";

    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);

    public GrpcChannel Channel(string? key, bool oversize = false)
        => _channels.GetOrAdd($"{key ?? NoKey}{(oversize ? "\0oversize" : "")}", _ => host.ChannelAs(key));

    /// <summary>
    /// The invoker for <paramref name="key"/>. Oversized messages get their own connection: the server
    /// refuses them before reading them whole and resets their HTTP/2 streams, and Kestrel throttles a
    /// connection with many such streams (ENHANCE_YOUR_CALM, then GOAWAY), which would otherwise fail the
    /// fuzz's ordinary calls that happen to share it.
    /// </summary>
    public CallInvoker For(string? key, bool oversize = false) => Channel(key, oversize).CreateCallInvoker();

    /// <summary>
    /// A channel of its own (the caller disposes it, which closes its connection): the duplex fuzz runs each
    /// batch of streams on one, so streams the server ended on broken input do not linger on a shared connection.
    /// </summary>
    public GrpcChannel Fresh(string? key) => host.ChannelAs(key);

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}

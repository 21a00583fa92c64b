using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Grid.Gateway.Security;

/// <summary>Caps the streaming calls one key holds open: the excess is refused, never queued.</summary>
public sealed class StreamQuota(IOptionsMonitor<SecurityOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Takes a slot for <paramref name="callerId"/>; dispose to give it back.</summary>
    /// <exception cref="RpcException">ResourceExhausted when the caller already holds the maximum.</exception>
    public IDisposable Take(string callerId)
    {
        var max = options.CurrentValue.MaxStreamsPerCaller;
        var now = _open.AddOrUpdate(callerId, 1, (_, n) => n + 1);
        if (now > max)
        {
            Release(callerId);
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"key {callerId} already holds {max} open streams (Grid:Security:MaxStreamsPerCaller)"));
        }

        return new Slot(this, callerId);
    }

    private void Release(string callerId) => _open.AddOrUpdate(callerId, 0, (_, n) => Math.Max(0, n - 1));

    private sealed class Slot(StreamQuota quota, string callerId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                quota.Release(callerId);
            }
        }
    }
}

using System.Diagnostics;
using Grpc.Core;

namespace Grid.LoadTest.Transport;

/// <summary>
/// The closed loop of one stream: at most K messages outstanding; each reply lets the next message go
/// at once. Throughput at saturation is the service's capacity for that concurrency; latency is
/// measured from the actual send (there is no schedule to miss).
/// </summary>
public static class ClosedLoop
{
    private const int MaxBurst = 512;

    /// <summary>Keeps <paramref name="concurrency"/> messages in flight until <paramref name="stopAt"/> or the stream fails.</summary>
    public static async Task Run(EngineSession session, int concurrency, long stopAt, CancellationToken cancellationToken)
    {
        // Never disposed: replies that arrive after the loop still release it.
        var permits = new SemaphoreSlim(concurrency, int.MaxValue);
        session.Permits = permits;
        try
        {
            while (!session.Failed)
            {
                var left = stopAt - Stopwatch.GetTimestamp();
                if (left <= 0 || !await permits.WaitAsync(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency), cancellationToken))
                {
                    return;
                }

                var burst = 1;
                while (burst < MaxBurst && permits.Wait(0))
                {
                    burst++;
                }

                for (var i = 0; i < burst && !session.Failed; i++)
                {
                    while (!session.CanSend)
                    {
                        await Task.Delay(1, cancellationToken);
                    }

                    await session.Send(Stopwatch.GetTimestamp(), i == burst - 1, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            session.Fail(e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message);
        }
    }
}

using System.Diagnostics;
using Grpc.Core;

namespace Grid.LoadTest.Transport;

/// <summary>
/// The open loop of one stream: message k is planned at first + k × interval whatever the replies do
/// (exchange-core's harness, wrk2's schedule). Every message already due when the sender wakes goes
/// out in one burst, flushed with its last message; latency is taken from each planned time, so a
/// stalled server or a late sender shows in the percentiles instead of thinning the load.
/// </summary>
public static class OpenLoop
{
    private const int MaxBurst = 512;

    /// <summary>Sends on schedule until <paramref name="stopAt"/> or the stream fails.</summary>
    public static async Task Run(EngineSession session, long first, double intervalTicks, long stopAt, Pacer pacer, CancellationToken cancellationToken)
    {
        long k = 0;
        try
        {
            while (!session.Failed)
            {
                var planned = first + (long)(k * intervalTicks);
                if (planned >= stopAt)
                {
                    return;
                }

                await pacer.WaitUntil(planned, cancellationToken);
                var now = Stopwatch.GetTimestamp();
                var due = 1;
                while (due < MaxBurst && first + (long)((k + due) * intervalTicks) is var next && next <= now && next < stopAt)
                {
                    due++;
                }

                for (var i = 0; i < due; i++)
                {
                    while (!session.CanSend)
                    {
                        await Task.Delay(1, cancellationToken);
                    }

                    await session.Send(first + (long)(k * intervalTicks), i == due - 1, cancellationToken);
                    k++;
                }
            }
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            session.Fail(e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message);
        }
    }
}

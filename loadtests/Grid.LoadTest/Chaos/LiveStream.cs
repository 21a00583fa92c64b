using Grid.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Grid.LoadTest.Chaos;

/// <summary>A chaos session's current PreTrade stream, the token that tears it down, and the silo it reaches.</summary>
/// <param name="Call">The bidirectional call.</param>
/// <param name="Stop">Cancels the call and its reader.</param>
/// <param name="Target">Index of the silo.</param>
internal sealed record LiveStream(AsyncDuplexStreamingCall<EngineMessage, GridMessage> Call, CancellationTokenSource Stop, int Target)
{
    /// <summary>
    /// Opens a PreTrade stream on <paramref name="channel"/> and proves it with a heartbeat round trip within
    /// <paramref name="timeout"/>: a hung silo accepts the connection but never answers.
    /// </summary>
    public static async Task<LiveStream> Open(GrpcChannel channel, Metadata headers, int target, TimeSpan timeout, ulong heartbeatId)
    {
        var stop = new CancellationTokenSource();
        var call = new PreTrade.PreTradeClient(channel).Stream(headers, cancellationToken: stop.Token);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            deadline.CancelAfter(timeout);
            await call.ResponseHeadersAsync.WaitAsync(deadline.Token);
            await call.RequestStream.WriteAsync(new EngineMessage { CorrelationId = heartbeatId, Heartbeat = new Heartbeat() }, deadline.Token);
            if (!await call.ResponseStream.MoveNext(deadline.Token) || call.ResponseStream.Current.BodyCase != GridMessage.BodyOneofCase.Heartbeat)
            {
                throw new InvalidOperationException($"target {target} did not answer the opening heartbeat");
            }
        }
        catch
        {
            await stop.CancelAsync();
            call.Dispose();
            stop.Dispose();
            throw;
        }

        return new LiveStream(call, stop, target);
    }

    /// <summary>Gives the stream up: the reader stops, the call is reset.</summary>
    public void Close()
    {
        Stop.Cancel();
        Call.Dispose();
    }
}

using Grid.Api.V1;
using Grpc.Core;

namespace Grid.LoadTest.Chaos;

/// <summary>A chaos session's current PreTrade stream, the token that tears it down, and the silo it reaches.</summary>
/// <param name="Call">The bidirectional call.</param>
/// <param name="Stop">Cancels the call and its reader.</param>
/// <param name="Target">Index of the silo.</param>
internal sealed record LiveStream(AsyncDuplexStreamingCall<EngineMessage, GridMessage> Call, CancellationTokenSource Stop, int Target)
{
    /// <summary>Gives the stream up: the reader stops, the call is reset.</summary>
    public void Close()
    {
        Stop.Cancel();
        Call.Dispose();
    }
}

using Grid.Abstractions.Engine;
using Grid.Gateway.Faults;
using Grid.Gateway.Streaming;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// One PreTrade.Stream call. The reader validates each message: heartbeats and bad messages are
/// answered at once, commands go to their account's lane (<see cref="AccountLanes"/>), whose replies
/// reach the single writer. When the engine completes its side, the lanes finish and the replies are
/// flushed before the call completes. Takes an executor rather than a grain factory so it runs
/// without a silo in tests.
/// </summary>
internal sealed class EngineStream(
    Func<string, EngineCommand[], Task<EngineReply[]>> execute,
    GatewayOptions options,
    TimeProvider clock,
    ILogger logger)
{
    /// <summary>Serves the call until the engine completes it or the call is cancelled.</summary>
    public Task Run(IAsyncStreamReader<Wire.EngineMessage> requests, IServerStreamWriter<Wire.GridMessage> responses, CancellationToken cancellationToken)
        => DuplexStream.Run(responses, options.MaxInFlightPerStream, (writer, token) => Serve(requests, writer, token), logger, "PreTrade.Stream", cancellationToken);

    private async Task Serve(IAsyncStreamReader<Wire.EngineMessage> requests, SerialWriter<Wire.GridMessage> writer, CancellationToken token)
    {
        var lanes = new AccountLanes(
            options.MaxInFlightPerStream,
            options.MaxBatchPerAccount,
            execute,
            (account, command, reply) => writer.Write(Reply(account, command, reply), token),
            logger);
        await foreach (var message in requests.ReadAllAsync(token))
        {
            var request = EngineMessages.Read(message, clock);
            if (request.Immediate is { } immediate)
            {
                await writer.Write(immediate, token);
            }
            else
            {
                await lanes.Enqueue(request.AccountId, request.Command!, token);
            }
        }

        await lanes.Complete().WaitAsync(token);
    }

    /// <summary>Every command gets exactly one reply, even one whose figures do not fit the wire.</summary>
    private static Wire.GridMessage Reply(string accountId, EngineCommand command, EngineReply reply)
    {
        try
        {
            return GridReplies.From(accountId, command, reply);
        }
        catch (OverflowException)
        {
            return GridReplies.Error(command.CorrelationId, WireErrors.Detail(Wire.ErrorCode.Internal, "", "a figure of the reply is beyond the wire range"));
        }
    }
}

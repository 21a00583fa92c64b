using System.Globalization;
using Grid.Gateway.PreTrade;
using Grid.Gateway.Streaming;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Benchmark;

/// <summary>
/// grid.v1.Echo, mapped only in benchmark mode: PreTrade.Stream's framing, reader and single writer
/// with no validation beyond the message shape and no grain, to measure the gRPC ceiling.
/// </summary>
internal sealed class EchoService(IOptions<GatewayOptions> options, TimeProvider clock, ILogger<EchoService> logger) : Wire.Echo.EchoBase
{
    public override async Task Stream(
        IAsyncStreamReader<Wire.EngineMessage> requestStream,
        IServerStreamWriter<Wire.GridMessage> responseStream,
        ServerCallContext context)
    {
        var window = options.Value.MaxInFlightPerStream;
        try
        {
            await context.WriteResponseHeadersAsync(new Metadata { { PreTradeService.MaxInFlightHeader, window.ToString(CultureInfo.InvariantCulture) } });
        }
        catch (Exception) when (context.CancellationToken.IsCancellationRequested)
        {
            return;
        }

        await DuplexStream.Run(
            responseStream,
            window,
            async (writer, token) =>
            {
                await foreach (var message in requestStream.ReadAllAsync(token))
                {
                    await writer.Write(EchoReplies.For(message, clock), token);
                }
            },
            logger,
            "Echo.Stream",
            context.CancellationToken);
    }
}

using Grid.Abstractions.Market;
using Grid.Gateway.Faults;
using Grid.Gateway.Streaming;
using Grid.Gateway.Validation;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Market;

/// <summary>
/// grid.v1.MarketData: price intake from feeders, each batch one market step acknowledged once this
/// silo's queries see it, and price streams for watchers from the co-hosted silo's market.
/// </summary>
internal sealed class MarketDataService(
    IGrainFactory grains,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<GatewayOptions> options,
    IEnumerable<IMarketFeed> feeds,
    IEnumerable<IMarketSteps> steps,
    PriceBatchGate gate,
    ILogger<MarketDataService> logger) : Wire.MarketData.MarketDataBase
{
    /// <summary>
    /// Batches are applied one after another and acked in order. A repeat of a sequence already
    /// applied on this stream is acked as a duplicate; feeders have no identity yet, so repeats across
    /// streams or PublishOnce calls are applied again (harmless: the newest observation wins).
    /// </summary>
    public override Task Publish(IAsyncStreamReader<Wire.PriceBatch> requestStream, IServerStreamWriter<Wire.PublishAck> responseStream, ServerCallContext context)
    {
        var applier = Applier();
        return DuplexStream.Run(
            responseStream,
            capacity: 16,
            async (writer, token) =>
            {
                ulong applied = 0;
                await foreach (var batch in requestStream.ReadAllAsync(token))
                {
                    Wire.PublishAck ack;
                    if (batch.Sequence != 0 && batch.Sequence <= applied)
                    {
                        ack = new Wire.PublishAck { Sequence = batch.Sequence, Duplicate = true };
                    }
                    else if (!gate.TryEnter())
                    {
                        ack = new Wire.PublishAck { Sequence = batch.Sequence, Error = gate.Overloaded() };
                    }
                    else
                    {
                        try
                        {
                            ack = await applier.Apply(batch);
                            applied = batch.Sequence;
                        }
                        catch (InvalidFieldException e)
                        {
                            ack = new Wire.PublishAck { Sequence = batch.Sequence, Error = e.ToDetail() };
                        }
                        finally
                        {
                            gate.Exit();
                        }
                    }

                    await writer.Write(ack, token);
                }
            },
            logger,
            "MarketData.Publish",
            context.CancellationToken);
    }

    public override Task<Wire.PublishAck> PublishOnce(Wire.PriceBatch request, ServerCallContext context)
        => GrainCall.Run(
            async () =>
            {
                if (!gate.TryEnter())
                {
                    throw WireErrors.ToRpcException(gate.Overloaded());
                }

                try
                {
                    return await Applier().Apply(request);
                }
                finally
                {
                    gate.Exit();
                }
            },
            Wire.ErrorCode.UnknownInstrument,
            logger,
            "MarketData.PublishOnce");

    public override async Task Subscribe(Wire.SubscribeMarketRequest request, IServerStreamWriter<Wire.PriceUpdate> responseStream, ServerCallContext context)
    {
        var feed = feeds.FirstOrDefault()
            ?? throw new RpcException(new Status(StatusCode.Unavailable, "this gateway runs without a silo: no market to stream"));
        var filter = PriceFilter.From(request, feed.Snapshot());
        await new PriceWatch(feed, filter).Run(responseStream, context.CancellationToken);
    }

    private PriceBatchApplier Applier() => new(grains, steps.FirstOrDefault(), clock, options.Value.MaxClockSkew, logger);
}

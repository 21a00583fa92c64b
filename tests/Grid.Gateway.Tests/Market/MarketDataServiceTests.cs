using Google.Protobuf.WellKnownTypes;
using Grid.Abstractions.Market;
using Grid.Gateway.Market;
using Grid.Gateway.Tests.Fakes;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Market;

/// <summary>MarketData's whole-batch refusals and the market step: acked only once published, grain by grain failures apart.</summary>
public sealed class MarketDataServiceTests
{
    private static readonly ServerCallContext Context = new FakeCallContext("/grid.v1.MarketData/PublishOnce", DateTime.MaxValue, CancellationToken.None);

    [Fact]
    public async Task MoreThan10000Updates_IsAnInvalidField_NamingUpdates()
    {
        var batch = new Wire.PriceBatch { Sequence = 1 };
        batch.Updates.Add(Enumerable.Range(0, PriceBatchApplier.MaxUpdates + 1).Select(_ => Mark("X", 1)));
        var service = Service(Refusing(), new RecordingMarketSteps());
        var e = await Assert.ThrowsAsync<RpcException>(() => service.PublishOnce(batch, Context));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal((Wire.ErrorCode.InvalidField, "updates"), Detail(e));
    }

    [Fact]
    public async Task WhenEverySlotIsTaken_ABatchIsOverloaded_WithRetryAfter_OnBothPaths()
    {
        var gate = new PriceBatchGate(Options.Create(new GatewayOptions { MaxPriceBatchesInFlight = 1 }));
        Assert.True(gate.TryEnter());
        var service = Service(Refusing(), new RecordingMarketSteps(), gate);
        var batch = new Wire.PriceBatch { Sequence = 1, Updates = { Mark("X", 1) } };

        var e = await Assert.ThrowsAsync<RpcException>(() => service.PublishOnce(batch, Context));
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        var detail = e.GetRpcStatus()!.GetDetail<Wire.ErrorDetail>();
        Assert.Equal((Wire.ErrorCode.Overloaded, PriceBatchGate.RetryAfter), (detail.Code, detail.RetryAfter.ToTimeSpan()));

        var acks = new RecordingStreamWriter<Wire.PublishAck>();
        await service.Publish(new ListStreamReader<Wire.PriceBatch>([batch]), acks, Context);
        var ack = Assert.Single(acks.Messages);
        Assert.Equal((1ul, Wire.ErrorCode.Overloaded, 0u), (ack.Sequence, ack.Error.Code, ack.Accepted));

        gate.Exit();
        Assert.Equal(0, gate.InFlight);
    }

    [Fact]
    public async Task TheAck_WaitsForTheStep_WhichCarriesOnlyWhatTheGrainsStored()
    {
        var at = DateTimeOffset.UtcNow;
        var grains = FakeGrains.Create((type, key, method, args) => (type.Name, key) switch
        {
            (nameof(IInstrumentGrain), "GOOD") => Task.FromResult(new InstrumentInfo { Spec = new InstrumentSpec { Id = key }, Mark = 7, MarkAt = at, Version = 3 }),
            (nameof(IInstrumentGrain), _) => Task.FromException<InstrumentInfo>(new TimeoutException("silo gone")),
            (nameof(IRulebookGrain), _) => Task.FromResult(new RulebookInfo()),
            _ => throw new NotSupportedException($"{type.Name}.{method.Name}"),
        });
        var steps = new RecordingMarketSteps { Release = new TaskCompletionSource() };
        var batch = new Wire.PriceBatch { Sequence = 9, Updates = { Mark("GOOD", 7, at), Mark("DOWN", 8, at) } };

        var publishing = Service(grains, steps).PublishOnce(batch, Context);
        await steps.Published.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(publishing.IsCompleted, "acked before the step was applied");
        steps.Release.SetResult();
        var ack = await publishing;

        Assert.Equal("GOOD", Assert.Single(Assert.Single(steps.Steps)).Instrument!.Spec.Id);
        Assert.Equal(1u, ack.Accepted);
        var rejected = Assert.Single(ack.Rejected);
        Assert.Equal((1u, Wire.ErrorCode.Unavailable), (rejected.Index, rejected.Error.Code));
    }

    private static MarketDataService Service(IGrainFactory grains, IMarketSteps steps, PriceBatchGate? gate = null)
    {
        var options = Options.Create(new GatewayOptions());
        return new MarketDataService(grains, TimeProvider.System, options, [], [steps], gate ?? new PriceBatchGate(options), NullLogger<MarketDataService>.Instance);
    }

    private static IGrainFactory Refusing() => FakeGrains.Create((type, _, method, _) => throw new NotSupportedException($"{type.Name}.{method.Name} was called"));

    private static Wire.PriceUpdate Mark(string id, decimal price, DateTimeOffset? at = null) => new()
    {
        ObservedAt = Timestamp.FromDateTimeOffset(at ?? DateTimeOffset.UtcNow),
        Mark = new Wire.MarkPrice { InstrumentId = id, Price = new Wire.Decimal { Units = (long)price } },
    };

    private static (Wire.ErrorCode, string) Detail(RpcException e)
    {
        var detail = e.GetRpcStatus()!.GetDetail<Wire.ErrorDetail>();
        return (detail.Code, detail.Field);
    }
}

using Grid.Abstractions.Risk;
using Grid.Gateway.Monitoring;
using Grid.Gateway.Security;
using Grid.Risk.Accounts;
using Grpc.Core;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Monitoring;

/// <summary>
/// A RiskEvents stream stages the matching live events and writes a burst with one flush: in order, numbered
/// from 1, previous state rewritten to what the stream last sent, only the last write flushing.
/// </summary>
public sealed class RiskEventStreamTests
{
    [Fact]
    public async Task Flush_WritesTheStagedEventsInOrder_FlushingOnlyTheLast()
    {
        var writer = new RecordingWriter();
        var stream = Stream(writer, AccountState.ReduceOnly);
        stream.Live(Change("a", AccountState.Ok, AccountState.ReduceOnly));
        stream.Live(Change("b", AccountState.Ok, AccountState.ReduceOnly));
        stream.Live(Change("c", AccountState.Ok, AccountState.Ok)); // no change: not staged
        stream.Live(Change("a", AccountState.Liquidate, AccountState.Ok)); // leaves a watched state: previous rewritten

        Assert.Empty(writer.Written);
        Assert.Equal(3, await stream.Flush(CancellationToken.None));

        Assert.Equal(
            [("a", 1UL, Wire.AccountState.Ok, Wire.AccountState.ReduceOnly, true), ("b", 2UL, Wire.AccountState.Ok, Wire.AccountState.ReduceOnly, true),
             ("a", 3UL, Wire.AccountState.ReduceOnly, Wire.AccountState.Ok, false)],
            writer.Written.ConvertAll(w => (w.Event.AccountId, w.Event.Sequence, w.Event.PreviousState, w.Event.State, w.Buffered)));
        Assert.Equal(0, await stream.Flush(CancellationToken.None));
        Assert.Equal(3UL, stream.Sent);
    }

    [Fact]
    public async Task ASnapshotLineAfterABurst_IsFlushedAndNumberedOn()
    {
        var writer = new RecordingWriter();
        var stream = Stream(writer, AccountState.ReduceOnly);
        stream.Live(Change("a", AccountState.Ok, AccountState.ReduceOnly));
        await stream.Flush(CancellationToken.None);

        await stream.Snapshot(Change("b", AccountState.ReduceOnly, AccountState.ReduceOnly), CancellationToken.None);

        Assert.Equal([(1UL, false), (2UL, false)], writer.Written.ConvertAll(w => (w.Event.Sequence, w.Buffered)));
    }

    private static RiskEventStream Stream(RecordingWriter writer, params AccountState[] states)
    {
        var request = new Wire.SubscribeRiskEventsRequest();
        return new RiskEventStream(request, [.. states], new Caller("risk", GatewayRole.Admin, []), writer);
    }

    private static RiskEventData Change(string account, AccountState from, AccountState to)
        => new() { AccountId = account, PreviousState = from, State = to, Cause = "price move", At = DateTimeOffset.UnixEpoch };

    private sealed class RecordingWriter : IServerStreamWriter<Wire.RiskEvent>
    {
        public List<(Wire.RiskEvent Event, bool Buffered)> Written { get; } = [];

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(Wire.RiskEvent message)
        {
            Written.Add((message.Clone(), WriteOptions is { } o && o.Flags.HasFlag(WriteFlags.BufferHint)));
            return Task.CompletedTask;
        }
    }
}

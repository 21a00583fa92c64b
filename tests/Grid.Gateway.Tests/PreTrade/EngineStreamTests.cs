using Grid.Abstractions.Engine;
using Grid.Gateway.PreTrade;
using Grid.Gateway.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using static Grid.Gateway.Tests.Fakes.Engine;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.PreTrade;

public sealed class EngineStreamTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_EngineCompletes_EveryMessageGetsExactlyOneReplyBeforeTheCallEnds()
    {
        var messages = new List<Wire.EngineMessage>
        {
            Message(1, Check("A", "a1")),
            Message(2, Check("B", "b1")),
            new() { CorrelationId = 3, Heartbeat = new Wire.Heartbeat() },
            new() { CorrelationId = 4 },
            Message(5, Check("A", "a2")),
            Message(6, Check("A", "")),
        };
        var responses = new RecordingStreamWriter<Wire.GridMessage>();

        await Stream((account, batch) => ValueTask.FromResult(Accept(batch)))
            .Run(new ListStreamReader<Wire.EngineMessage>(messages), responses, CancellationToken.None)
            .WaitAsync(Hang);

        var replies = responses.Messages.ToDictionary(m => m.CorrelationId);
        Assert.Equal(6, responses.Messages.Count);
        Assert.Equal(Wire.GridMessage.BodyOneofCase.Decision, replies[1].BodyCase);
        Assert.Equal("A", replies[1].Decision.AccountId);
        Assert.Equal("b1", replies[2].Decision.ClientOrderId);
        Assert.Equal(Wire.GridMessage.BodyOneofCase.Heartbeat, replies[3].BodyCase);
        Assert.Equal("body", replies[4].Error.Field);
        Assert.Equal("a2", replies[5].Decision.ClientOrderId);
        Assert.Equal("check.client_order_id", replies[6].Error.Field);
    }

    [Fact]
    public async Task Run_AccountGrainFails_RepliesUnavailableAndKeepsServing()
    {
        var messages = new[] { Message(1, Check("down")), Message(2, Check("up")) };
        var responses = new RecordingStreamWriter<Wire.GridMessage>();

        await Stream((account, batch) => account == "down" ? throw new TimeoutException() : ValueTask.FromResult(Accept(batch)))
            .Run(new ListStreamReader<Wire.EngineMessage>(messages), responses, CancellationToken.None)
            .WaitAsync(Hang);

        var replies = responses.Messages.ToDictionary(m => m.CorrelationId);
        Assert.Equal(Wire.ErrorCode.Unavailable, replies[1].Error.Code);
        Assert.Equal(Wire.Decision.Accept, replies[2].Decision.Decision);
    }

    [Fact]
    public async Task Run_WindowFull_AnswersOverloadedAtOnce_AndKeepsReading()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var messages = Enumerable.Range(1, 6).Select(i => Message((ulong)i, Check($"acc-{i}"))).ToList();
        messages.Insert(3, new Wire.EngineMessage { CorrelationId = 99, Heartbeat = new Wire.Heartbeat() });
        var reader = new ListStreamReader<Wire.EngineMessage>(messages);
        var responses = new RecordingStreamWriter<Wire.GridMessage>();
        var run = Stream(
            async (account, batch) =>
            {
                await release.Task;
                return Accept(batch);
            },
            maxInFlight: 2).Run(reader, responses, CancellationToken.None);

        // Two commands fill the window; the other four are refused while the first two are still running,
        // and the heartbeat (not counted) is answered: the reader never waited for a slot.
        await responses.WhenWritten(5).WaitAsync(Hang);
        Assert.Equal(7, reader.Read);
        var early = responses.Messages.ToDictionary(m => m.CorrelationId);
        Assert.Equal(Wire.GridMessage.BodyOneofCase.Heartbeat, early[99].BodyCase);
        foreach (var id in new ulong[] { 3, 4, 5, 6 })
        {
            Assert.Equal(Wire.ErrorCode.Overloaded, early[id].Error.Code);
            Assert.Null(early[id].Error.RetryAfter);
            Assert.Contains("grid-max-in-flight", early[id].Error.Message, StringComparison.Ordinal);
        }

        Assert.False(early.ContainsKey(1) || early.ContainsKey(2));
        release.SetResult();
        await run.WaitAsync(Hang);
        var replies = responses.Messages.ToDictionary(m => m.CorrelationId);
        Assert.Equal(7, replies.Count);
        Assert.Equal(Wire.Decision.Accept, replies[1].Decision.Decision);
        Assert.Equal(Wire.Decision.Accept, replies[2].Decision.Decision);
    }

    [Fact]
    public async Task Run_CancelInstructions_GoToTheVenueThatPlacedTheOrders()
    {
        var feed = new FakeRiskEventFeed();
        var reader = new OpenStreamReader<Wire.EngineMessage>();
        var responses = new RecordingStreamWriter<Wire.GridMessage>();
        using var cancel = new CancellationTokenSource();
        var run = new EngineStream(
            Arrays((account, batch) => ValueTask.FromResult(Accept(batch))),
            new GatewayOptions { MaxInFlightPerStream = 16, MaxBatchPerAccount = 4 },
            TimeProvider.System,
            NullLogger.Instance,
            feed,
            venue: "venue-a").Run(reader, responses, cancel.Token);
        reader.Send(Message(1, Check("touched")));
        await responses.WhenWritten(1).WaitAsync(Hang);
        await feed.Subscribed.WaitAsync(Hang);

        feed.Publish(Pulled("elsewhere", ["a1", "b1", "old"], ["venue-a", "venue-b", ""]));
        feed.Publish(Pulled("touched", ["old-1", "b2"], ["", "venue-b"]));
        feed.Publish(Pulled("elsewhere", ["b3"], ["venue-b"]));
        feed.Publish(Pulled("marker", ["a9"], ["venue-a"]));
        await responses.WhenWritten(4).WaitAsync(Hang);
        await cancel.CancelAsync();
        await run.WaitAsync(Hang);

        var instructions = responses.Messages.Where(m => m.BodyCase == Wire.GridMessage.BodyOneofCase.Cancel).Select(m => m.Cancel).ToList();
        Assert.Equal(["a1"], instructions[0].ClientOrderIds);
        Assert.Equal(["old-1"], instructions[1].ClientOrderIds);
        Assert.Equal(["a9"], instructions[2].ClientOrderIds);
        Assert.Equal(3, instructions.Count);
        Assert.All(instructions, i => Assert.Equal(Wire.CancelReason.Liquidation, i.Reason));
    }

    private static Abstractions.Risk.RiskEventData Pulled(string account, string[] ids, string[] venues) => new()
    {
        AccountId = account, State = Risk.Accounts.AccountState.Liquidate, Cause = "liquidation", CanceledOrderIds = ids, CanceledOrderVenues = venues,
    };

    [Fact]
    public async Task Run_SameAccountInManyMessages_LanesAndRepliesHoldTheStreamsFirstCopyOfItsId()
    {
        // Each parsed message brings its own string; three equal ids, three different objects.
        var ids = Enumerable.Range(0, 3).Select(_ => new string("acc-7".AsSpan())).ToArray();
        Assert.False(ReferenceEquals(ids[0], ids[1]) || ReferenceEquals(ids[1], ids[2]));
        var seen = new List<string>();
        var reader = new OpenStreamReader<Wire.EngineMessage>();
        var responses = new RecordingStreamWriter<Wire.GridMessage>();
        var run = Stream((account, batch) =>
            {
                lock (seen)
                {
                    seen.AddRange(batch.Select(_ => account));
                }

                return ValueTask.FromResult(Accept(batch));
            })
            .Run(reader, responses, CancellationToken.None);

        // One at a time: each message may find its account's lane gone and start a new one.
        for (var i = 0; i < ids.Length; i++)
        {
            reader.Send(Message((ulong)i + 1, Check(ids[i], $"o{i}")));
            await responses.WhenWritten(i + 1).WaitAsync(Hang);
        }

        reader.Send(Message(4, Check(new string("acc-8".AsSpan()), "p1")));
        reader.Complete();
        await run.WaitAsync(Hang);

        var replies = responses.Messages.ToDictionary(m => m.CorrelationId);
        Assert.Equal(4, replies.Count);
        Assert.Equal(["acc-7", "acc-7", "acc-7", "acc-8"], seen);
        Assert.All(seen.Take(3), a => Assert.Same(ids[0], a));
        // The recorded replies are copies (the writer reuses its messages), so only their values can be compared.
        Assert.All(new ulong[] { 1, 2, 3 }, id => Assert.Equal("acc-7", replies[id].Decision.AccountId));
    }

    [Fact]
    public async Task Run_CallCancelled_EndsQuietly()
    {
        var reader = new OpenStreamReader<Wire.EngineMessage>();
        var responses = new RecordingStreamWriter<Wire.GridMessage>();
        using var cancel = new CancellationTokenSource();
        var run = Stream((account, batch) => ValueTask.FromResult(Accept(batch))).Run(reader, responses, cancel.Token);

        reader.Send(Message(1, Check()));
        await responses.WhenWritten(1).WaitAsync(Hang);
        await cancel.CancelAsync();

        await run.WaitAsync(Hang);
        Assert.Single(responses.Messages);
    }

    private static EngineStream Stream(Func<string, EngineCommand[], ValueTask<EngineReply[]>> execute, int maxInFlight = 16)
        => new(Arrays(execute), new GatewayOptions { MaxInFlightPerStream = maxInFlight, MaxBatchPerAccount = 4 }, TimeProvider.System, NullLogger.Instance);
}

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

        await Stream((account, batch) => Task.FromResult(Accept(batch)))
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

        await Stream((account, batch) => account == "down" ? throw new TimeoutException() : Task.FromResult(Accept(batch)))
            .Run(new ListStreamReader<Wire.EngineMessage>(messages), responses, CancellationToken.None)
            .WaitAsync(Hang);

        var replies = responses.Messages.ToDictionary(m => m.CorrelationId);
        Assert.Equal(Wire.ErrorCode.Unavailable, replies[1].Error.Code);
        Assert.Equal(Wire.Decision.Accept, replies[2].Decision.Decision);
    }

    [Fact]
    public async Task Run_WindowFull_StopsReadingUntilRepliesGoOut()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var twoCalls = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var messages = Enumerable.Range(1, 6).Select(i => Message((ulong)i, Check($"acc-{i}"))).ToList();
        var reader = new ListStreamReader<Wire.EngineMessage>(messages);
        var responses = new RecordingStreamWriter<Wire.GridMessage>();
        var run = Stream(
            async (account, batch) =>
            {
                if (Interlocked.Increment(ref calls) == 2)
                {
                    twoCalls.TrySetResult();
                }

                await release.Task;
                return Accept(batch);
            },
            maxInFlight: 2).Run(reader, responses, CancellationToken.None);

        await twoCalls.Task.WaitAsync(Hang);

        // Two commands fill the window: the reader may hold a third message, never a fourth.
        Assert.InRange(reader.Read, 2, 3);
        Assert.Empty(responses.Messages);

        release.SetResult();
        await run.WaitAsync(Hang);
        Assert.Equal(6, responses.Messages.Count);
    }

    [Fact]
    public async Task Run_CallCancelled_EndsQuietly()
    {
        var reader = new OpenStreamReader<Wire.EngineMessage>();
        var responses = new RecordingStreamWriter<Wire.GridMessage>();
        using var cancel = new CancellationTokenSource();
        var run = Stream((account, batch) => Task.FromResult(Accept(batch))).Run(reader, responses, cancel.Token);

        reader.Send(Message(1, Check()));
        await responses.WhenWritten(1).WaitAsync(Hang);
        await cancel.CancelAsync();

        await run.WaitAsync(Hang);
        Assert.Single(responses.Messages);
    }

    private static EngineStream Stream(Func<string, EngineCommand[], Task<EngineReply[]>> execute, int maxInFlight = 16)
        => new(execute, new GatewayOptions { MaxInFlightPerStream = maxInFlight, MaxBatchPerAccount = 4 }, TimeProvider.System, NullLogger.Instance);
}

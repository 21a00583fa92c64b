using System.Diagnostics;
using System.Globalization;
using Grid.Abstractions.Engine;
using Grid.Gateway.PreTrade;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grid.HopCosts.Lanes;

/// <summary>
/// How many executor calls (grain calls) each message costs when the real AccountLanes batch the closed
/// loop of the load test (4 streams x 128 in flight, 1,000 accounts, account i on stream i mod 4): one
/// lane per account per stream (today), or one lane per shard shared by the streams (a grain that is the
/// single writer of a fixed set of accounts, fed by a silo-level batcher). The executor stands in for
/// the grain: it yields to the thread pool, then burns <c>callUs + commandUs x batch</c> of CPU.
/// </summary>
internal static class LaneBatching
{
    private const int Streams = 4;
    private const int InFlight = 128;
    private const int Accounts = 1_000;

    public static async Task Run(TextWriter output, int messages, double callUs, double commandUs)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"executor stand-in: {callUs} µs per call + {commandUs} µs per command; {messages:N0} messages, closed loop {Streams}x{InFlight}, {Accounts:N0} accounts"));
        output.WriteLine("| routing | lanes | calls per message | mean batch | msgs/s (stand-in) |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        await Row(output, "per account, per stream (today)", Accounts, shared: false, messages, callUs, commandUs);
        foreach (var shards in new[] { 256, 64, 16, 4 })
        {
            await Row(output, $"per shard of {Accounts / shards} accounts, shared by the streams", shards, shared: true, messages, callUs, commandUs);
        }
    }

    private static async Task Row(TextWriter output, string name, int lanesKeys, bool shared, int messages, double callUs, double commandUs)
    {
        long calls = 0, commands = 0, delivered = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async ValueTask Execute(string key, ReadOnlyMemory<EngineCommand> batch, Memory<EngineReply> replies)
        {
            await Task.Yield();
            Burn(callUs + (commandUs * batch.Length));
            Interlocked.Increment(ref calls);
            Interlocked.Add(ref commands, batch.Length);
            replies.Span.Fill(Reply);
        }

        var lanes = new AccountLanes[shared ? 1 : Streams];
        var random = new Random(7);
        for (var s = 0; s < lanes.Length; s++)
        {
            var stream = s;
            lanes[s] = new AccountLanes(4096, 64, Execute, (_, command, _) =>
            {
                if (Interlocked.Increment(ref delivered) >= messages)
                {
                    done.TrySetResult();
                }
                else
                {
                    Send((int)(command.CorrelationId % Streams));
                }

                return ValueTask.CompletedTask;
            }, NullLogger.Instance);
        }

        void Send(int stream)
        {
            int account;
            lock (random)
            {
                account = stream + (Streams * random.Next(Accounts / Streams));
            }

            var key = shared ? $"shard-{account % lanesKeys}" : $"load-{account:D4}";
            var command = new EngineCommand { CorrelationId = (ulong)((account * Streams) + stream), Kind = CommandKind.Check };
            (shared ? lanes[0] : lanes[stream]).TryEnqueue(key, command);
        }

        var started = Stopwatch.GetTimestamp();
        for (var s = 0; s < Streams; s++)
        {
            for (var k = 0; k < InFlight; k++)
            {
                Send(s);
            }
        }

        await done.Task;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {lanesKeys} | {calls / (double)commands:0.000} | {commands / (double)calls:0.0} | {delivered / seconds:N0} |"));
    }

    private static readonly EngineReply Reply = new() { Kind = ReplyKind.Decision };

    private static void Burn(double micros)
    {
        var until = Stopwatch.GetTimestamp() + (long)(micros * Stopwatch.Frequency / 1e6);
        while (Stopwatch.GetTimestamp() < until)
        {
        }
    }
}

using Grid.Abstractions.Engine;
using Orleans.Concurrency;

namespace Grid.HopCosts.Calls;

/// <summary>Answers each command with one shared canned reply: what remains is the call itself.</summary>
[Reentrant]
public sealed class CallProbeGrain : Grain, ICallProbeGrain
{
    internal static readonly EngineReply Reply = new() { Kind = ReplyKind.Decision, ClientOrderId = "o-1", ImBefore = 1234.5m, ImAfter = 1300.25m, AvailableAfter = 9_998_700m, Equity = 10_000_000m };

    public ValueTask<EngineReply[]> ValueTaskArrays(EngineCommand[] commands) => ValueTask.FromResult(Answer(commands.Length));

    public Task<EngineReply[]> TaskArrays(EngineCommand[] commands) => Task.FromResult(Answer(commands.Length));

    public ValueTask<Immutable<EngineReply[]>> ImmutableArrays(Immutable<EngineCommand[]> commands) => ValueTask.FromResult(new Immutable<EngineReply[]>(Answer(commands.Value.Length)));

    public ValueTask<CopiedReply[]> CopiedElements(CopiedCommand[] commands)
    {
        var replies = new CopiedReply[commands.Length];
        for (var i = 0; i < replies.Length; i++)
        {
            replies[i] = new CopiedReply { CorrelationId = commands[i].CorrelationId, ClientOrderId = commands[i].ClientOrderId, ImBefore = 1234.5m, ImAfter = 1300.25m, AvailableAfter = 9_998_700m, Equity = 10_000_000m };
        }

        return ValueTask.FromResult(replies);
    }

    internal static EngineReply[] Answer(int n)
    {
        var replies = new EngineReply[n];
        Array.Fill(replies, Reply);
        return replies;
    }
}

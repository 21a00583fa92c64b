using Grid.Abstractions.Engine;
using Orleans.Concurrency;

namespace Grid.HopCosts.Calls;

/// <summary>The account grain's call shape, without the account: each variant answers every command with a canned reply.</summary>
[Alias("hopcosts.ICallProbeGrain")]
public interface ICallProbeGrain : IGrainWithStringKey
{
    /// <summary>As IAccountGrain.Execute: [Immutable] elements, the arrays themselves copied.</summary>
    [Alias("ValueTaskArrays")]
    ValueTask<EngineReply[]> ValueTaskArrays(EngineCommand[] commands);

    /// <summary>The same with a Task.</summary>
    [Alias("TaskArrays")]
    Task<EngineReply[]> TaskArrays(EngineCommand[] commands);

    /// <summary>Arrays wrapped in Immutable&lt;T&gt;: nothing copied either way.</summary>
    [Alias("ImmutableArrays")]
    ValueTask<Immutable<EngineReply[]>> ImmutableArrays(Immutable<EngineCommand[]> commands);

    /// <summary>Elements of a type without [Immutable]: every command and reply deep-copied.</summary>
    [Alias("CopiedElements")]
    ValueTask<CopiedReply[]> CopiedElements(CopiedCommand[] commands);
}

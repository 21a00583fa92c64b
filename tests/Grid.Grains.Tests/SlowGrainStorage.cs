using System.Collections.Concurrent;
using Grid.Grains.Storage;
using Orleans.Serialization;
using Orleans.Storage;

namespace Grid.Grains.Tests;

/// <summary>
/// Silo memory storage whose writes complete later, on another thread, as Redis writes do: a grain's write is
/// pending when its turn ends, so the local turns wait for it. Writes of the accounts in <see cref="Failing"/> fail.
/// </summary>
public sealed class SlowGrainStorage(DeepCopier copier) : IGrainStorage
{
    private readonly SiloMemoryGrainStorage _inner = new(copier);

    /// <summary>Accounts (grain keys) whose next writes fail, on every silo.</summary>
    public static ConcurrentDictionary<string, bool> Failing { get; } = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Task.Delay(1).ConfigureAwait(false);
        if (Failing.ContainsKey(grainId.Key.ToString()!))
        {
            throw new IOException($"injected: the write of {grainId} failed");
        }

        await _inner.WriteStateAsync(stateName, grainId, grainState).ConfigureAwait(false);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _inner.ClearStateAsync(stateName, grainId, grainState);
}

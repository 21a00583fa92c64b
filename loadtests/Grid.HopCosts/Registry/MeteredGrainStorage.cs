using System.Collections.Concurrent;
using Orleans.Storage;

namespace Grid.HopCosts.Registry;

/// <summary>
/// The grid's in-memory grain storage, metered: every write is first serialized as the Redis storage
/// would store it (OrleansGrainStorageSerializer, the grid's Redis setting) and its bytes are counted
/// per grain type and state name. The timings therefore include that serialization, not the network.
/// </summary>
internal sealed class MeteredGrainStorage(IGrainStorage inner, OrleansGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<string, (long Writes, long Bytes)> _written = new();

    /// <summary>Writes and bytes so far of state <paramref name="stateName"/> of grain type <paramref name="grainType"/>.</summary>
    public (long Writes, long Bytes) Written(string grainType, string stateName)
        => _written.TryGetValue($"{grainType}/{stateName}", out var w) ? w : (0, 0);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var size = serializer.Serialize(grainState.State).ToMemory().Length;
        _written.AddOrUpdate($"{grainId.Type}/{stateName}", (1, size), (_, w) => (w.Writes + 1, w.Bytes + size));
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}

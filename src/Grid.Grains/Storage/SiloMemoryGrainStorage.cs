using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

namespace Grid.Grains.Storage;

/// <summary>
/// Grain storage for the single-silo embedded default: state lives in this process, as objects. A write
/// keeps a reference (no serialization: the in-memory grid pays nothing for storage); a read hands out a
/// deep copy, so a reactivated grain never shares objects with an old activation. ETags are checked as
/// any Orleans storage does. Nothing survives the process: use Redis mode for durability.
/// </summary>
public sealed class SiloMemoryGrainStorage(DeepCopier copier) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string Name, GrainId Grain), Entry> _states = new();
    private long _etag;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue((stateName, grainId), out var entry))
        {
            grainState.State = copier.Copy((T)entry.State);
            grainState.ETag = entry.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var etag = Interlocked.Increment(ref _etag).ToString(CultureInfo.InvariantCulture);
        var next = new Entry(grainState.State!, etag);
        if (grainState.ETag is null)
        {
            if (!_states.TryAdd(key, next))
            {
                throw new InconsistentStateException($"state of {grainId} already exists", "", "");
            }
        }
        else if (!_states.TryGetValue(key, out var current) || current.ETag != grainState.ETag || !_states.TryUpdate(key, next, current))
        {
            throw new InconsistentStateException($"etag mismatch writing {grainId}", current?.ETag ?? "", grainState.ETag);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _states.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private sealed record Entry(object State, string ETag);
}

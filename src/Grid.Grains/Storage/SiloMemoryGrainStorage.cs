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
            object? state;
            string? etag;
            lock (entry)
            {
                (state, etag) = (entry.State, entry.ETag);
            }

            // A cleared entry's last reader may still find it: it reads nothing, as after the clear.
            if (etag is not null)
            {
                grainState.State = copier.Copy((T)state!);
                grainState.ETag = etag;
                grainState.RecordExists = true;
            }
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var etag = Interlocked.Increment(ref _etag).ToString(CultureInfo.InvariantCulture);
        if (grainState.ETag is null)
        {
            if (!_states.TryAdd(key, new Entry(grainState.State!, etag)))
            {
                throw new InconsistentStateException($"state of {grainId} already exists", "", "");
            }
        }
        else
        {
            // The entry is updated in place (a write per change: no entry object each time), under its own lock so
            // a read never pairs one write's state with another's ETag.
            if (!_states.TryGetValue(key, out var current))
            {
                throw new InconsistentStateException($"etag mismatch writing {grainId}", "", grainState.ETag);
            }

            lock (current)
            {
                if (current.ETag != grainState.ETag)
                {
                    throw new InconsistentStateException($"etag mismatch writing {grainId}", current.ETag ?? "", grainState.ETag);
                }

                (current.State, current.ETag) = (grainState.State!, etag);
            }
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryRemove((stateName, grainId), out var entry))
        {
            // A writer that found the entry before its removal fails its ETag check from now on, as it would
            // against a removed entry: nothing written after a clear lands in an entry no one can read.
            lock (entry)
            {
                (entry.State, entry.ETag) = (null, null);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    // Mutable, one per stored state for as long as it is stored; read and written under its own lock.
    private sealed class Entry(object state, string etag)
    {
        public object? State = state;

        public string? ETag = etag;
    }
}

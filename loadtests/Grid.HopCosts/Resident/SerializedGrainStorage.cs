using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace Grid.HopCosts.Resident;

/// <summary>
/// Grain storage that keeps each record as the bytes the Redis storage would store (the grid's Redis
/// serializer), so a resident measurement counts the grid's own objects apart from its storage: in Redis
/// mode the records live in Redis, not in the silo. <see cref="Clear"/> drops them to measure their share.
/// </summary>
internal sealed class SerializedGrainStorage(OrleansGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string Name, GrainId Grain), (BinaryData Data, string ETag)> _records = new();
    private long _etag;

    /// <summary>Records held.</summary>
    public int Count => _records.Count;

    /// <summary>Sum of the records' serialized lengths.</summary>
    public long Bytes
    {
        get
        {
            long bytes = 0;
            foreach (var r in _records.Values)
            {
                bytes += r.Data.ToMemory().Length;
            }

            return bytes;
        }
    }

    /// <summary>Serialized length of the record of <paramref name="grain"/> under <paramref name="name"/>, or 0.</summary>
    public int BytesOf(string name, GrainId grain) => _records.TryGetValue((name, grain), out var r) ? r.Data.ToMemory().Length : 0;

    /// <summary>Drops every record (a measurement's last step).</summary>
    public void Clear() => _records.Clear();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_records.TryGetValue((stateName, grainId), out var r))
        {
            grainState.State = serializer.Deserialize<T>(r.Data);
            grainState.ETag = r.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = Interlocked.Increment(ref _etag).ToString(CultureInfo.InvariantCulture);
        var data = serializer.Serialize(grainState.State);
        _records[(stateName, grainId)] = (data, etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _records.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}

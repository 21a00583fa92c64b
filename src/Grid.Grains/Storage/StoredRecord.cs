using Orleans.Storage;

namespace Grid.Grains.Storage;

/// <summary>
/// A grain's record read from and written to its grain storage directly, under the same state name and
/// grain id as <c>[PersistentState]</c> would use (the stored data is the same). Orleans' state bridge
/// forces every write to yield to the scheduler first (it queues storage operations), so even a store
/// that completes at once turns each change into an asynchronous turn with a continuation per await
/// (docs/performance.md). The account grain already allows one write at a time (group commit), so it
/// needs no queue: a write here is the store's own task, completed synchronously by the in-memory store.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class StoredRecord<T>(IGrainStorage storage, string stateName, GrainId grainId)
    where T : class, new()
{
    private readonly GrainState<T> _state = new(new T());

    /// <summary>The record as last read or as changed since (a store may hand back none for a missing record).</summary>
    public T State => _state.State ??= new T();

    /// <summary>True once the record was read from storage or written to it.</summary>
    public bool RecordExists => _state.RecordExists;

    /// <summary>Reads the record (on activation); a missing record leaves a new one.</summary>
    public Task ReadStateAsync() => storage.ReadStateAsync(stateName, grainId, _state);

    /// <summary>Writes the whole record; the store checks the ETag as for any grain state.</summary>
    public Task WriteStateAsync() => storage.WriteStateAsync(stateName, grainId, _state);
}

using Grid.Abstractions;
using Orleans.Concurrency;

namespace Grid.Grains;

/// <summary>Answers the liveness probe on the calling silo (stateless worker: always local).</summary>
[StatelessWorker]
[GrainType("silo-probe")]
public sealed class SiloProbeGrain(TimeProvider clock) : Grain, ISiloProbeGrain
{
    public Task<DateTimeOffset> Ping() => Task.FromResult(clock.GetUtcNow());
}

namespace Grid.Abstractions;

/// <summary>A local, stateless grain the liveness probe calls: if the silo cannot run it, the silo is wedged.</summary>
[Alias("grid.ISiloProbeGrain")]
public interface ISiloProbeGrain : IGrainWithIntegerKey
{
    /// <summary>Answers at once with the silo's clock.</summary>
    [Alias("Ping")]
    Task<DateTimeOffset> Ping();
}

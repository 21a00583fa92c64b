namespace Grid.LoadTest.Transport;

/// <summary>Which bidirectional stream a phase drives; both take EngineMessage and answer GridMessage.</summary>
public enum StreamService
{
    /// <summary>grid.v1.PreTrade.Stream: the real pre-trade path (account grains, risk core, storage).</summary>
    PreTrade,

    /// <summary>grid.v1.Echo.Stream: canned replies of the same shape, no risk work (benchmark mode only).</summary>
    Echo,
}

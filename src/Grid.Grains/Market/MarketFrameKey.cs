using Grid.Risk.Market;

namespace Grid.Grains.Market;

/// <summary>
/// Where a new frame stands among this silo's frames: its version, the catalog revision it holds, and the
/// model it replaces (whose layout the new model keeps when instruments, assets and groups are unchanged,
/// so the monitor re-margins only the groups that moved).
/// </summary>
internal readonly record struct MarketFrameKey(long Version, long Catalog, RiskModel? Previous);

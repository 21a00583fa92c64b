using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Monitoring;

namespace Grid.Risk.Supervision;

/// <summary>
/// Index translation from one model's layout to another's (a candidate rulebook's), by instrument
/// id and asset code, so a replica can be loaded against the candidate without re-indexing it.
/// </summary>
internal sealed class LayoutMap
{
    private readonly int[] _instruments;
    private readonly int[] _assets;

    public LayoutMap(RiskModel from, RiskModel to)
    {
        From = from;
        To = to;
        _instruments = new int[from.Instruments.Length];
        for (var i = 0; i < _instruments.Length; i++)
        {
            _instruments[i] = to.TryGetInstrument(from.Instruments[i].Spec.Id, out var j) ? j : -1;
        }

        _assets = new int[from.Assets.Length];
        for (var a = 0; a < _assets.Length; a++)
        {
            _assets[a] = to.TryGetAsset(from.Assets[a].Rule.Name, out var b) ? b : -1;
        }
    }

    public RiskModel From { get; }

    public RiskModel To { get; }

    /// <summary>Loads a replica indexed like <see cref="From"/> into <paramref name="book"/> against <see cref="To"/>.</summary>
    /// <returns>False when the target lacks an instrument or asset the replica holds.</returns>
    public bool TryLoad(MonitoredAccount replica, AccountBook book)
    {
        if (!ReferenceEquals(replica.Layout, From.Layout))
        {
            return false;
        }

        book.Reset(To, replica.Regime, replica.State);
        var assets = replica.AssetIndexes;
        var balances = replica.BalanceValues;
        for (var i = 0; i < assets.Length; i++)
        {
            if (_assets[assets[i]] < 0)
            {
                return false;
            }

            book.LoadBalance(_assets[assets[i]], balances[i]);
        }

        var instruments = replica.InstrumentIndexes;
        var positions = replica.PositionValues;
        for (var i = 0; i < instruments.Length; i++)
        {
            if (_instruments[instruments[i]] < 0)
            {
                return false;
            }

            book.LoadPosition(_instruments[instruments[i]], positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]);
        }

        for (var k = 0; k < replica.OrderCount; k++)
        {
            replica.Order(k, out var instrument, out var q, out var price);
            if (_instruments[instrument] < 0)
            {
                return false;
            }

            book.LoadOrder(_instruments[instrument], q > 0 ? Side.Buy : Side.Sell, Math.Abs(q), price);
        }

        book.Rebuild(To);
        return true;
    }
}

using Grid.Risk.Accounts;
using Grid.Risk.Ledger;
using Grid.Risk.Rulebooks;

namespace Grid.Grains.Accounts;

/// <summary>
/// The stored account: the authoritative decimal record of balances, positions and resting orders,
/// plus bounded idempotency windows (recent checks, trades and balance requests). The risk-core book
/// is rebuilt from it on activation and mirrors it exactly afterwards. It is the ledger the risk core's
/// settlement rules write (<see cref="IAccountLedger"/>).
/// </summary>
[GenerateSerializer, Alias("grid.AccountRecord")]
public sealed class AccountRecord : IAccountLedger
{
    [Id(0)] public MarginRegime Regime { get; set; } = MarginRegime.Pm;
    [Id(1)] public bool Frozen { get; set; }
    [Id(2)] public string FrozenReason { get; set; } = "";
    [Id(3)] public Dictionary<string, decimal> Balances { get; set; } = new(StringComparer.Ordinal);
    [Id(4)] public Dictionary<string, PositionRecord> Positions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The resting orders, kept in place (values, issue 14).</summary>
    [Id(15)] public List<OrderRecord> Orders { get; set; } = [];

    /// <summary>
    /// Id 5 held the orders as objects until issue 14 (<see cref="LegacyOrderRecord"/>): a record stored then is
    /// still read, its orders moved into <see cref="Orders"/> as they arrive; never written (always null).
    /// </summary>
    [Id(5)]
    public List<LegacyOrderRecord>? LegacyOrders
    {
        get => null;
        set => LegacyOrderRecord.AppendTo(Orders, value);
    }
    // Id 6 held full replies in the first format; retired, never reuse it.

    /// <summary>Outcomes of the latest checks, for idempotent retries (bounded window), kept in place (structs).</summary>
    [Id(14)] public List<CheckMemo> RecentChecks { get; set; } = [];

    /// <summary>
    /// Id 11 held the checks as objects until issue 14 (<see cref="LegacyCheckMemo"/>): a record stored then is
    /// still read, its memos moved into <see cref="RecentChecks"/> as they arrive; never written (always null).
    /// </summary>
    [Id(11)]
    public List<LegacyCheckMemo>? LegacyChecks
    {
        get => null;
        set => LegacyCheckMemo.AppendTo(RecentChecks, value);
    }

    /// <summary>Hashes of the latest trade ids booked, for idempotent fills (bounded window).</summary>
    [Id(12)] public List<ulong> RecentTrades { get; set; } = [];
    // Id 7 held trade ids as strings in the first format; retired, never reuse it.
    [Id(8)] public List<RequestOutcome> RecentRequests { get; set; } = [];

    /// <summary>Outcomes of the latest funding requests, for idempotent retries (bounded window).</summary>
    [Id(13)] public List<RequestOutcome> RecentFunding { get; set; } = [];

    /// <summary>Increases with every stored change.</summary>
    [Id(9)] public long Version { get; set; }

    /// <summary>The state last reported (drives the liquidation hysteresis).</summary>
    [Id(10)] public AccountState? LastState { get; set; }

    /// <summary>The risk-core view of the holdings.</summary>
    public Portfolio ToPortfolio() => new()
    {
        Regime = Regime,
        Balances = Balances.Where(b => b.Value != 0).ToDictionary(b => b.Key, b => (double)b.Value, StringComparer.Ordinal),
        Positions = [.. Positions.Select(p => new Position(p.Key, (double)p.Value.Qty, (double)p.Value.Entry, (double)p.Value.Funding))],
        Orders = [.. Orders.Select(o => new RestingOrder(o.InstrumentId, o.Side, (double)o.Qty, (double)o.Price, o.ClientOrderId))],
        PreviousState = LastState,
    };

    /// <summary>
    /// Points the record's instrument ids, assets and venues at the silo's shared copies (<see cref="SharedIds"/>)
    /// after it was read from storage, where each record brings its own. Changes nothing stored.
    /// </summary>
    public void ShareIds()
    {
        for (var i = 0; i < Orders.Count; i++)
        {
            Orders[i] = Orders[i].WithSharedIds();
        }

        if (Positions.Count > 0)
        {
            var positions = new Dictionary<string, PositionRecord>(Positions.Count, StringComparer.Ordinal);
            foreach (var (instrument, p) in Positions)
            {
                positions[SharedIds.Share(instrument)] = p;
            }

            Positions = positions;
        }

        if (Balances.Count > 0)
        {
            var balances = new Dictionary<string, decimal>(Balances.Count, StringComparer.Ordinal);
            foreach (var (asset, b) in Balances)
            {
                balances[SharedIds.Share(asset)] = b;
            }

            Balances = balances;
        }
    }

    decimal IAccountLedger.Balance(string asset) => Balances.TryGetValue(asset, out var b) ? b : 0;

    void IAccountLedger.SetBalance(string asset, decimal value)
    {
        if (!Balances.TryAdd(SharedIds.Share(asset), value))
        {
            Balances[asset] = value;
        }
    }

    LedgerPosition IAccountLedger.Position(string instrument)
        => Positions.TryGetValue(instrument, out var p) ? new LedgerPosition(p.Qty, p.Entry, p.Funding) : default;

    void IAccountLedger.SetPosition(string instrument, LedgerPosition position)
    {
        if (position.IsEmpty)
        {
            Positions.Remove(instrument);
            return;
        }

        if (!Positions.TryGetValue(instrument, out var p))
        {
            Positions[SharedIds.Share(instrument)] = p = new PositionRecord();
        }

        (p.Qty, p.Entry, p.Funding) = (position.Qty, position.Entry, position.Funding);
    }
}

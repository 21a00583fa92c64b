using Grid.Grains.Accounts;
using Grid.Risk.Accounts;
using Grid.Risk.Rulebooks;

namespace Grid.Grains.Journal;

/// <summary>
/// What one write of an account changed since the write before it: the record's scalar fields (a few
/// bytes, always carried), and only the balances, positions, orders and idempotency memos that changed.
/// Applied in order to the snapshot it follows, the entries give back the record exactly (same values,
/// same order of keys and items, so the same serialized bytes). Written straight to bytes by <see cref="WrittenImage"/>
/// (<see cref="EntryFormat"/>), read back into this type; entries written before that format are this type through
/// the Orleans serializer (hence its codec stays: they are read as they are).
/// </summary>
[GenerateSerializer, Alias("grid.JournalEntry")]
public sealed class JournalEntry
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public MarginRegime Regime { get; set; }
    [Id(2)] public bool Frozen { get; set; }
    [Id(3)] public string FrozenReason { get; set; } = "";
    [Id(4)] public AccountState? LastState { get; set; }
    [Id(5)] public MapChange<decimal>? Balances { get; set; }
    [Id(6)] public MapChange<PositionRecord>? Positions { get; set; }
    [Id(7)] public OrderSplice? Orders { get; set; }
    [Id(12)] public WindowChange<CheckMemo>? Checks { get; set; }

    /// <summary>Id 8: the checks of the serializer's entries written before the memo became a struct (issue 14); read, never written.</summary>
    [Id(8)] public WindowChange<LegacyCheckMemo>? LegacyChecks { get; set; }
    [Id(9)] public WindowChange<ulong>? Trades { get; set; }
    [Id(10)] public WindowChange<RequestOutcome>? Requests { get; set; }
    [Id(11)] public WindowChange<RequestOutcome>? Funding { get; set; }

    /// <summary>Applies the change to the record it follows.</summary>
    public void ApplyTo(AccountRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Version = Version;
        record.Regime = Regime;
        record.Frozen = Frozen;
        record.FrozenReason = FrozenReason;
        record.LastState = LastState;
        Balances?.ApplyTo(record.Balances, static v => v);
        Positions?.ApplyTo(record.Positions, static p => new PositionRecord { Qty = p.Qty, Entry = p.Entry, Funding = p.Funding });
        Orders?.ApplyTo(record.Orders);
        Checks?.ApplyTo(record.RecentChecks);
        if (LegacyChecks is { } legacy)
        {
            record.RecentChecks.RemoveRange(0, Math.Min(legacy.Dropped, record.RecentChecks.Count));
            LegacyCheckMemo.AppendTo(record.RecentChecks, legacy.Appended);
        }

        Trades?.ApplyTo(record.RecentTrades);
        Requests?.ApplyTo(record.RecentRequests);
        Funding?.ApplyTo(record.RecentFunding);
    }
}

using Grid.Risk.Decisions;

namespace Grid.Grains.Accounts;

/// <summary>
/// A check memo as stored before it became a struct (<see cref="CheckMemo"/>, issue 14): an object, under the
/// old alias. Snapshots and journal entries written then hold these; they are read and converted, never written.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.CheckMemo")]
public sealed record LegacyCheckMemo(
    [property: Id(0)] ulong OrderIdHash,
    [property: Id(1)] Decision Decision,
    [property: Id(2)] RejectReason Reason,
    [property: Id(3)] decimal Shortfall)
{
    /// <summary>The same memo as it is kept now.</summary>
    public CheckMemo ToMemo() => new(OrderIdHash, Decision, Reason, Shortfall);

    /// <summary>Appends <paramref name="legacy"/> (when any) to <paramref name="memos"/>, converted, in order.</summary>
    internal static void AppendTo(List<CheckMemo> memos, List<LegacyCheckMemo>? legacy)
    {
        if (legacy is null)
        {
            return;
        }

        foreach (var memo in legacy)
        {
            memos.Add(memo.ToMemo());
        }
    }
}

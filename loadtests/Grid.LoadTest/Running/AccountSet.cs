using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Running;

/// <summary>
/// The load accounts: <c>prefix</c> + a zero-padded index; account i belongs to stream i mod streams.
/// Market makers (market-maker profile) are <c>prefix</c>mm + an index, market maker k on stream k mod streams.
/// </summary>
public sealed class AccountSet(string prefix, int count, int instruments, int makers = 0, int bookSize = 0)
{
    /// <summary>Every account id, in index order.</summary>
    public IReadOnlyList<string> Ids { get; } = [.. Enumerable.Range(0, count).Select(i => $"{prefix}{i.ToString("D" + count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length, System.Globalization.CultureInfo.InvariantCulture)}")];

    /// <summary>The market makers' account ids (empty without the market-maker profile).</summary>
    public IReadOnlyList<string> MarketMakers { get; } = [.. Enumerable.Range(0, makers).Select(k => $"{prefix}mm{k}")];

    /// <summary>Fresh engine-side state for the accounts of one stream (each phase starts its own).</summary>
    public EngineAccount[] ForStream(int stream, int streams)
    {
        var mine = Ids.Where((_, i) => i % streams == stream).Select(id => new EngineAccount(id, instruments)).ToArray();
        return mine.Length > 0 ? mine : throw new InvalidOperationException($"stream {stream} has no account: use at least as many accounts as streams");
    }

    /// <summary>Fresh engine-side state for the market makers of one stream (possibly none).</summary>
    public EngineAccount[] MakersForStream(int stream, int streams)
        => [.. MarketMakers.Where((_, k) => k % streams == stream).Select(id => new EngineAccount(id, bookSize))];

    /// <summary>
    /// The target a stream's channel uses (<see cref="Transport.EngineChannels"/>: stream s on target s mod targets),
    /// hence the gateway that receives the traffic of account (or market maker) <paramref name="index"/>.
    /// </summary>
    public static int TargetIndex(int index, int streams, int targets) => index % streams % targets;

    /// <summary>
    /// Every account and market maker grouped by the target to fund it through: its stream's target when
    /// <paramref name="viaStream"/> (so [PreferLocalPlacement] activates it where its traffic lands), else the first.
    /// </summary>
    public IReadOnlyList<(Uri Target, IReadOnlyList<string> Accounts)> ByFundingTarget(int streams, IReadOnlyList<Uri> targets, bool viaStream)
    {
        var groups = targets.Select(_ => new List<string>()).ToArray();
        for (var i = 0; i < Ids.Count; i++)
        {
            groups[viaStream ? TargetIndex(i, streams, targets.Count) : 0].Add(Ids[i]);
        }

        for (var k = 0; k < MarketMakers.Count; k++)
        {
            groups[viaStream ? TargetIndex(k, streams, targets.Count) : 0].Add(MarketMakers[k]);
        }

        return [.. groups.Select((g, t) => (targets[t], (IReadOnlyList<string>)g)).Where(g => g.Item2.Count > 0)];
    }
}

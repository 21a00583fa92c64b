using Grid.Abstractions.House;
using Grid.Grains.Market;
using Grid.Risk.Rulebooks;
using Grid.Risk.Supervision;

namespace Grid.Grains.House;

public sealed partial class HouseRiskGrain
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    public async Task<RulebookImpactView> Impact(string candidateJson, long revision, bool dryRun, bool force)
    {
        Rulebook candidate;
        try
        {
            candidate = RulebookReader.Parse(candidateJson ?? "");
        }
        catch (RulebookException e)
        {
            throw new ArgumentException(e.Message, e.Field);
        }

        var computedAt = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var current = await Ready(revision);
            var silos = fanout.Active();
            var (excluded, duplicates) = await fanout.Census(silos);
            var parts = await Task.WhenAll(silos.Select(s => fanout.Within(s, x => x.Impact(candidateJson!, Request(revision, excluded, s)))));
            if (!HouseMerge.OneRulebook(parts) || parts.Any(p => p.CurrentVersion != current.Model.Rulebook.Version))
            {
                revision = Math.Max(current.Rulebook.Revision, parts.Max(p => p.Revision));
                if (attempt < 3)
                {
                    continue;
                }

                throw new InvalidOperationException("house: the silos evaluated under different rulebooks in force; try again");
            }

            var result = HouseMerge.Impact(parts).Result();
            var verdict = ApcGuard.Judge(current.Model.Rulebook, candidate, result);
            var view = HouseViews.Impact(result) with
            {
                Breaches = [.. verdict.Breaches.Select(HouseViews.Breach)],
                Forced = force && verdict.Refused,
                DryRun = dryRun,
                ComputedAt = computedAt,
                MarketAsOf = parts.Min(p => p.MarketAsOf),
                MarketAsOfLatest = parts.Max(p => p.MarketAsOf),
                Duplicates = duplicates,
            };
            if (dryRun)
            {
                state.State.LastDryRun = view;
                await Store();
            }

            return view;
        }
    }

    public Task<RulebookImpactView?> LastDryRun() => Task.FromResult(state.State.LastDryRun);

    // The guard reads the thresholds of the rulebook in force: the one of the revision asked, on this silo too.
    private async Task<MarketFrame> Ready(long revision)
    {
        var deadline = clock.GetUtcNow() + options.Value.RevisionWait;
        while (market.Frame is var frame && frame.Rulebook.Revision < revision)
        {
            if (clock.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"the house's silo has rulebook revision {frame.Rulebook.Revision}, not yet {revision}");
            }

            await Task.Delay(Poll);
        }

        return market.Frame;
    }
}

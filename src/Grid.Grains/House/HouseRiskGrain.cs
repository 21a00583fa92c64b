using System.Diagnostics;
using Grid.Abstractions.House;
using Grid.Abstractions.Risk;
using Grid.Grains.Market;
using Grid.Grains.Monitoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Grid.Grains.House;

/// <summary>
/// Coordinates the house runs (Rulebook §5.3–§5.5): fans each out to every active silo's
/// <see cref="IHouseRiskSilo"/>, merges the parts, keeps the latest run and the last dry-run impact in
/// storage, and announces a scenario whose coverage crosses 1. It never touches an account: each silo
/// values its own. Reentrant, so the kept results are served while a run is under way; on-demand
/// requests arriving during a run share the next one.
/// </summary>
[Reentrant]
[GrainType("house-risk")]
public sealed partial class HouseRiskGrain(
    [PersistentState("house", GridStorage.Name)] IPersistentState<HouseRiskRecord> state,
    HouseFanout fanout,
    MarketView market,
    HouseRiskBoard board,
    RiskEventFeed events,
    IOptions<HouseRiskOptions> options,
    TimeProvider clock,
    ILogger<HouseRiskGrain> logger) : Grain, IHouseRiskGrain
{
    /// <summary>Key of the single house grain.</summary>
    public const string Key = "house";

    private Task<(HouseRiskView View, long Revision)>? _run;
    private DateTimeOffset _lastAttempt;
    private long _runsStarted;

    public async Task<HouseRiskView> Run(HouseRunTrigger trigger) => (await Join(trigger, 0)).View;

    public Task<HouseRiskView?> Latest() => Task.FromResult(state.State.Latest);

    public async Task Tick()
    {
        var interval = options.Value.StressInterval;
        var now = clock.GetUtcNow();
        if (interval <= TimeSpan.Zero || _run is not null || now - _lastAttempt < interval
            || (state.State.Latest is { } latest && now - latest.CompletedAt < interval))
        {
            return;
        }

        await Background(HouseRunTrigger.Schedule, 0);
    }

    public Task RulebookLoaded(long revision) => Background(HouseRunTrigger.RulebookLoad, revision);

    private async Task Background(HouseRunTrigger trigger, long revision)
    {
        try
        {
            await Join(trigger, revision);
        }
        catch (Exception e)
        {
            GrainsLog.HouseRunFailed(logger, trigger.ToString(), e);
        }
    }

    // A background run joins the run under way; one that used an older rulebook revision than asked is
    // followed by another. An on-demand run answers for the accounts as they are when it is asked: a run
    // that started before the request is waited out and followed by a new one, which the on-demand
    // requests arriving meanwhile share.
    private async Task<(HouseRiskView View, long Revision)> Join(HouseRunTrigger trigger, long revision)
    {
        var firstAcceptable = trigger == HouseRunTrigger.OnDemand && _run is not null ? _runsStarted + 1 : 0;
        while (_run is { } running)
        {
            var number = _runsStarted;
            var done = await running;
            if (done.Revision >= revision && number >= firstAcceptable)
            {
                return done;
            }
        }

        _runsStarted++;
        var run = RunOnce(trigger, revision);
        _run = run;
        try
        {
            return await run;
        }
        finally
        {
            if (_run == run)
            {
                _run = null;
            }
        }
    }

    private async Task<(HouseRiskView, long)> RunOnce(HouseRunTrigger trigger, long revision)
    {
        _lastAttempt = clock.GetUtcNow();
        var started = clock.GetUtcNow();
        var elapsed = Stopwatch.StartNew();
        revision = Math.Max(revision, market.Frame.Rulebook.Revision);
        for (var attempt = 1; ; attempt++)
        {
            var silos = fanout.Active();
            var (excluded, duplicates) = await fanout.Census(silos);
            var parts = await Task.WhenAll(silos.Select(s => fanout.Within(s, x => x.Stress(Request(revision, excluded, s)))));
            if (!HouseMerge.OneRulebook(parts))
            {
                // A rulebook load raced the run: run again on the newest revision every silo has seen.
                revision = parts.Max(p => p.Revision);
                if (attempt < 3)
                {
                    continue;
                }

                throw new InvalidOperationException($"house: the silos valued under different rulebooks ({string.Join(", ", parts.Select(p => $"{p.Silo}: {p.RulebookVersion}").Distinct())}); try again");
            }

            var (stress, dependency) = HouseMerge.Stress(parts);
            var result = stress.Result();
            var view = new HouseRiskView
            {
                Trigger = trigger,
                StartedAt = started,
                CompletedAt = started + elapsed.Elapsed,
                RulebookVersion = result.RulebookVersion,
                MarketAsOf = result.MarketAsOf,
                MarketAsOfLatest = result.MarketAsOfLatest,
                GuaranteeFund = result.GuaranteeFund,
                Accounts = result.Accounts,
                Skipped = result.Skipped,
                Scenarios = [.. result.Scenarios.Select(HouseViews.Scenario)],
                WorstScenario = result.WorstScenario,
                Dependency = HouseViews.Dependency(dependency.Result()),
                Silos = [.. parts.Select(p => new SiloRunView(p.Silo, p.Accounts, p.Skipped, p.MarketAsOf, p.Elapsed, p.StressElapsed))],
                Duplicates = duplicates,
            };
            await Keep(view);
            return (view, parts.Max(p => p.Revision));
        }
    }

    private HousePartRequest Request(long revision, IReadOnlyDictionary<SiloAddress, string[]> excluded, SiloAddress silo) => new()
    {
        Revision = revision,
        Excluded = excluded.GetValueOrDefault(silo, []),
        Top = options.Value.Top,
    };

    private async Task Keep(HouseRiskView view)
    {
        var previous = state.State.Latest;
        state.State.Latest = view;
        board.Update(view);
        GrainsLog.HouseRun(logger, view.Trigger.ToString(), view.Accounts, view.Silos.Count, (view.CompletedAt - view.StartedAt).TotalMilliseconds, view.RulebookVersion);
        if (HouseCoverage.Crossed(previous, view) is { } house)
        {
            events.Announce([new RiskEventData
            {
                At = view.CompletedAt,
                Cause = RiskEventData.HouseCoverageCause,
                House = house,
            }]);
        }

        await Store();
    }

    // The kept results serve the RPC and the console; a failed write leaves them in memory until the next run.
    private async Task Store()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            GrainsLog.HouseNotStored(logger, e);
        }
    }
}

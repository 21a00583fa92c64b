using System.Collections.Concurrent;
using System.Diagnostics;
using Grid.Grains.Accounts;
using Grid.Grains.Market;
using Grid.Grains.Monitoring;
using Grid.Risk.Rulebooks;
using Grid.Risk.Stress;
using Grid.Risk.Supervision;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.House;

/// <summary>
/// This silo's share of the house runs, over the replicas its margin monitor holds. Each part waits
/// until the silo's market holds the run's rulebook revision, values the accounts off the grain
/// scheduler (partitions in parallel) and answers with exact, mergeable sums.
/// </summary>
internal sealed class HouseRiskSilo : GrainService, IHouseRiskSilo
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);
    private readonly SiloMarginMonitor _watch;
    private readonly MarketView _market;
    private readonly HouseRiskOptions _options;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<Guid, ReportSession> _reports = new();
    private readonly CancellationTokenSource _stopping = new();

    public HouseRiskSilo(
        GrainId grainId, Silo silo, ILoggerFactory loggers, SiloMarginMonitor watch, MarketView market, IOptions<HouseRiskOptions> options, TimeProvider clock)
        : base(grainId, silo, loggers)
    {
        _watch = watch;
        _market = market;
        _options = options.Value;
        _clock = clock;
    }

    public Task<ulong[]> Census() => Task.Run(() =>
    {
        var replicas = _watch.Monitor.Snapshot();
        var hashes = new ulong[replicas.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = IdHash.Of(replicas[i].Id);
        }

        Array.Sort(hashes);
        return hashes;
    });

    public Task<CensusEntry[]> Resolve(ulong[] hashes) => Task.Run(() =>
    {
        var wanted = hashes.ToHashSet();
        return _watch.Monitor.Snapshot().Where(r => wanted.Contains(IdHash.Of(r.Id))).Select(r => new CensusEntry(r.Id, r.Version)).ToArray();
    });

    public async Task<StressPart> Stress(HousePartRequest request)
    {
        var frame = await Ready(request.Revision);
        return await Task.Run(() =>
        {
            var clock = Stopwatch.StartNew();
            var excluded = Excluded(request);
            var stress = _watch.Monitor.Stress(StressMarket.Build(frame.Model), request.Top, excluded);
            var stressed = clock.Elapsed;
            var dependency = _watch.Monitor.Dependency(frame.Model, excluded);
            return HouseParts.Stress(_watch.SiloName, stress, dependency, clock.Elapsed) with { Revision = frame.Rulebook.Revision, StressElapsed = stressed };
        });
    }

    public async Task<ImpactPart> Impact(string candidateJson, HousePartRequest request)
    {
        var frame = await Ready(request.Revision);
        Rulebook candidate;
        try
        {
            candidate = RulebookReader.Parse(candidateJson);
        }
        catch (RulebookException e)
        {
            throw new ArgumentException(e.Message, e.Field);
        }

        return await Task.Run(() =>
        {
            var model = frame.Model;
            var impact = _watch.Monitor.Impact(model, HouseImpact.CandidateModel(model, candidate), request.Top, Excluded(request));
            return HouseParts.Impact(_watch.SiloName, impact, model.Market.AsOf) with { Revision = frame.Rulebook.Revision };
        });
    }

    public async Task<ReportOpened> OpenReport(HousePartRequest request)
    {
        Expire();
        var frame = await Ready(request.Revision);
        var session = await Task.Run(() => new ReportSession(_watch.SiloName, _watch.Monitor, frame.Model, Excluded(request), request.Top, _clock.GetUtcNow()));
        _reports[session.Token] = session;
        return new ReportOpened
        {
            Token = session.Token, RulebookVersion = session.RulebookVersion, Revision = frame.Rulebook.Revision, MarketAsOf = session.MarketAsOf, Accounts = session.Accounts,
        };
    }

    public async Task<ReportPagePart> ReportPage(Guid token)
    {
        Expire();
        if (!_reports.TryGetValue(token, out var session))
        {
            throw new InvalidOperationException($"report: this silo's part of report {token} expired (nobody asked for {_options.ReportIdleTimeout}) or was never opened here");
        }

        var page = await Task.Run(() => session.Page(_options.ReportPageSize));
        session.LastUsed = _clock.GetUtcNow();
        if (page.House is not null)
        {
            _reports.TryRemove(token, out _);
        }

        return page;
    }

    public Task CloseReport(Guid token)
    {
        _reports.TryRemove(token, out _);
        return Task.CompletedTask;
    }

    // A part waiting for a rulebook revision gives up when the silo stops, instead of holding its shutdown.
    public override async Task Stop()
    {
        await _stopping.CancelAsync();
        await base.Stop();
    }

    private static HashSet<string> Excluded(HousePartRequest request) => new(request.Excluded, StringComparer.Ordinal);

    // A run uses one rulebook on every silo: wait (briefly) until this silo's market has the revision the coordinator saw.
    private async Task<MarketFrame> Ready(long revision)
    {
        var deadline = _clock.GetUtcNow() + _options.RevisionWait;
        while (true)
        {
            var frame = _market.Frame;
            if (frame.Rulebook.Revision >= revision)
            {
                return frame;
            }

            if (_clock.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"silo {_watch.SiloName} has rulebook revision {frame.Rulebook.Revision}, not yet {revision}, after {_options.RevisionWait}");
            }

            await Task.Delay(Poll, _stopping.Token);
        }
    }

    private void Expire()
    {
        var stale = _clock.GetUtcNow() - _options.ReportIdleTimeout;
        foreach (var (token, session) in _reports)
        {
            if (session.LastUsed < stale)
            {
                _reports.TryRemove(token, out _);
            }
        }
    }
}

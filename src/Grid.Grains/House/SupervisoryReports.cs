using System.Runtime.CompilerServices;
using Grid.Abstractions.House;
using Grid.Grains.Market;
using Grid.Risk.Rulebooks;
using Grid.Risk.Supervision;
using Microsoft.Extensions.Options;

namespace Grid.Grains.House;

/// <summary>
/// Streams the supervisory report (Rulebook §5.6) from every active silo, one silo's pages after another:
/// each silo pins its market and accounts when the report opens and tallies its house part from the
/// very lines it sends, so the house lines at the end are the sums of the account lines. An account
/// held by two silos is sent once (<see cref="HouseFanout.Census"/>).
/// </summary>
internal sealed class SupervisoryReports(HouseFanout fanout, MarketView market, IOptions<HouseRiskOptions> options, TimeProvider clock) : ISupervisoryReports
{
    public async IAsyncEnumerable<SupervisoryReportChunk> Stream([EnumeratorCancellation] CancellationToken cancellation)
    {
        var generatedAt = clock.GetUtcNow();
        var (silos, opened) = await Open(market.Frame.Rulebook.Revision);
        var parts = new List<StressPart>();
        try
        {
            for (var s = 0; s < silos.Count; s++)
            {
                while (true)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var token = opened[s].Token;
                    var page = await fanout.Within(silos[s], x => x.ReportPage(token));
                    foreach (var line in page.Lines)
                    {
                        yield return new SupervisoryReportChunk(SupervisoryReportChunkKind.Account, line);
                    }

                    if (page.House is { } house)
                    {
                        parts.Add(house);
                        break;
                    }
                }
            }
        }
        finally
        {
            if (parts.Count < silos.Count)
            {
                await Close(silos, opened);
            }
        }

        var (stress, dependency) = HouseMerge.Stress(parts);
        foreach (var line in SupervisoryJson.House(generatedAt, stress.Result(), dependency.Result()))
        {
            yield return new SupervisoryReportChunk(SupervisoryReportChunkKind.House, line);
        }

        yield return new SupervisoryReportChunk(SupervisoryReportChunkKind.Rulebook, RulebookDocument(opened[0].RulebookVersion));
    }

    // Every silo opens on one rulebook; a load racing the opening is waited for once.
    private async Task<(IReadOnlyList<SiloAddress> Silos, ReportOpened[] Opened)> Open(long revision)
    {
        for (var attempt = 1; ; attempt++)
        {
            var silos = fanout.Active();
            var (excluded, _) = await fanout.Census(silos);
            var opened = await Task.WhenAll(silos.Select(s => fanout.Within(s, x => x.OpenReport(new HousePartRequest
            {
                Revision = revision, Excluded = excluded.GetValueOrDefault(s, []), Top = options.Value.Top,
            }))));
            if (opened.All(o => o.RulebookVersion == opened[0].RulebookVersion))
            {
                return (silos, opened);
            }

            await Close(silos, opened);
            revision = opened.Max(o => o.Revision);
            if (attempt == 3)
            {
                throw new InvalidOperationException("report: the silos hold different rulebooks (a load is under way); try again");
            }
        }
    }

    private async Task Close(IReadOnlyList<SiloAddress> silos, ReportOpened[] opened)
    {
        for (var s = 0; s < silos.Count; s++)
        {
            try
            {
                var token = opened[s].Token;
                await fanout.Within(silos[s], x => x.CloseReport(token).ContinueWith(_ => true, TaskScheduler.Default));
            }
            catch (Exception)
            {
                // Best effort: an unclosed part expires after Grid:House:ReportIdleTimeout.
            }
        }
    }

    // The document of the version the silos valued under: the one in force here, or the shipped default before any load.
    private string RulebookDocument(string version)
    {
        var info = market.Frame.Rulebook;
        if (info.Version == version && info.Json.Length > 0)
        {
            return info.Json;
        }

        if (info.Version != version && Rulebook.Default.Version != version)
        {
            throw new InvalidOperationException($"report: rulebook {info.Version} was loaded while the report (on {version}) ran; run it again");
        }

        using var stream = typeof(Rulebook).Assembly.GetManifestResourceStream("Grid.Risk.default-rulebook.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

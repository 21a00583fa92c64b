using System.Diagnostics.Metrics;
using Grid.Abstractions;
using Grid.Abstractions.House;

namespace Grid.Grains.House;

/// <summary>
/// The latest house run this silo knows (refreshed by <see cref="HouseRiskSchedule"/>, and at once on
/// the silo that ran it), exported on /metrics per scenario: every silo reports the same run.
/// </summary>
public sealed class HouseRiskBoard
{
    private readonly TimeProvider _clock;
    private volatile HouseRiskView? _latest;

    public HouseRiskBoard(TimeProvider clock)
    {
        _clock = clock;
        GridMetrics.ObserveHouse(
            () => PerScenario(s => s.Cover2), () => PerScenario(s => s.CoverageRatio), () => PerScenario(s => s.TotalDeficit), Age);
    }

    /// <summary>The latest run known here, or null.</summary>
    public HouseRiskView? Latest => _latest;

    /// <summary>Keeps <paramref name="run"/> if it is newer than the one held.</summary>
    public void Update(HouseRiskView? run)
    {
        if (run is not null && (_latest is not { } held || held.CompletedAt <= run.CompletedAt))
        {
            _latest = run;
        }
    }

    private IEnumerable<Measurement<double>> PerScenario(Func<HouseScenarioView, double> figure)
        => _latest is { } run
            ? run.Scenarios.Select(s => new Measurement<double>(figure(s), new KeyValuePair<string, object?>("scenario", s.Scenario)))
            : [];

    private IEnumerable<Measurement<double>> Age()
        => _latest is { } run ? [new Measurement<double>(Math.Max(0, (_clock.GetUtcNow() - run.CompletedAt).TotalSeconds))] : [];
}

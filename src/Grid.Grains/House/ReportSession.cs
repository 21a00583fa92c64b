using System.Diagnostics;
using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Monitoring;
using Grid.Risk.Stress;
using Grid.Risk.Supervision;

namespace Grid.Grains.House;

/// <summary>
/// One silo's part of a supervisory report (Rulebook §5.6): the model, the shocked market and the list
/// of replicas are pinned when it opens, so every line of the part is as of one market and one
/// rulebook. The house part is tallied from the very lines sent, so the report's house figures are
/// the sums of its lines. Pages are asked one at a time; not thread-safe.
/// </summary>
internal sealed class ReportSession
{
    private readonly string _silo;
    private readonly MarginMonitor _monitor;
    private readonly RiskModel _model;
    private readonly StressMarket _market;
    private readonly MonitoredAccount[] _replicas;
    private readonly HouseStress _stress;
    private readonly HouseDependency _dependency = new();
    private readonly AccountBook _book;
    private readonly AccountBook _scratch;
    private readonly StressOutcome[] _outcomes;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _next;

    public ReportSession(string silo, MarginMonitor monitor, RiskModel model, IReadOnlySet<string> excluded, int top, DateTimeOffset now)
    {
        _silo = silo;
        _monitor = monitor;
        _model = model;
        _market = StressMarket.Build(model);
        _replicas = [.. monitor.Snapshot().Where(r => !excluded.Contains(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal)];
        _stress = new HouseStress(_market, top);
        _book = AccountBook.Empty(model);
        _scratch = AccountBook.Empty(model);
        _outcomes = new StressOutcome[_market.Count];
        LastUsed = now;
    }

    public Guid Token { get; } = Guid.NewGuid();

    public DateTimeOffset LastUsed { get; set; }

    public int Accounts => _replicas.Length;

    public DateTimeOffset MarketAsOf => _market.AsOf;

    public string RulebookVersion => _market.RulebookVersion;

    /// <summary>The next <paramref name="size"/> accounts as lines; with the last of them, the house part.</summary>
    public ReportPagePart Page(int size)
    {
        var lines = new List<string>(Math.Min(size, _replicas.Length - _next));
        while (_next < _replicas.Length && lines.Count < size)
        {
            var replica = _replicas[_next++];
            if (Line(replica) is { } line)
            {
                lines.Add(line);
            }
        }

        return new ReportPagePart
        {
            Lines = [.. lines],
            House = _next < _replicas.Length ? null : HouseParts.Stress(_silo, _stress, _dependency, Stopwatch.GetElapsedTime(_started)),
        };
    }

    private string? Line(MonitoredAccount replica)
    {
        try
        {
            if (_monitor.TryLoad(replica, _book, _model))
            {
                var line = SupervisoryLine.Of(replica.Id, _book, _market, _scratch);
                _market.Evaluate(_book, _outcomes);
                _stress.Add(replica.Id, _outcomes);
                _dependency.Add(line.Margin);
                return SupervisoryJson.Account(line);
            }
        }
        catch (Exception e) when (e is ArgumentException or RiskInputException)
        {
            // Not valued (a figure not finite, an input missing): counted as skipped, like a house run.
        }

        _stress.Skip();
        _dependency.Skip();
        return null;
    }
}

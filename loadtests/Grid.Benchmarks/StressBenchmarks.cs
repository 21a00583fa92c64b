using BenchmarkDotNet.Attributes;
using Grid.Risk.Market;
using Grid.Risk.Monitoring;
using Grid.Risk.Stress;

namespace Grid.Benchmarks;

/// <summary>
/// House stress per account (Rulebook §5.2, §5.3): one replica valued under all six default
/// scenarios and added to the house tallies, per account (OperationsPerInvoke = accounts), and the
/// once-per-run cost of shocking the market. Per-account work must allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class StressBenchmarks
{
    private const int Accounts = 10_000;
    private RiskModel _model = null!;
    private StressMarket _market = null!;
    private MonitoredAccount[] _replicas = null!;
    private HouseStress _house = null!;
    private StressOutcome[] _outcomes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = StressAccounts.Model();
        _market = StressMarket.Build(_model);
        _replicas = [.. StressAccounts.Replicas(_model, Accounts)];
        _house = new HouseStress(_market);
        _outcomes = new StressOutcome[_market.Count];
    }

    /// <summary>All six scenarios over one account, into the house tallies (the house run's inner loop).</summary>
    [Benchmark(OperationsPerInvoke = Accounts)]
    public long SixScenariosPerAccount()
    {
        foreach (var r in _replicas)
        {
            if (_market.TryEvaluate(r, _outcomes))
            {
                _house.Add(r.Id, _outcomes);
            }
        }

        return _house.Accounts;
    }

    /// <summary>Shocking the market once per run: every asset and instrument under six scenarios (43 instruments).</summary>
    [Benchmark]
    public StressMarket ShockTheMarket() => StressMarket.Build(_model);
}

using BenchmarkDotNet.Attributes;
using Grid.Risk.Accounts;
using Grid.Risk.Market;

namespace Grid.Benchmarks;

/// <summary>Full re-margin of the benchmark account and the recompute of one option's risk array.</summary>
[MemoryDiagnoser]
public class RemarginBenchmarks
{
    private RiskModel _model = null!;
    private AccountBook _book = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = BenchmarkAccount.Model();
        _book = AccountBook.Create(_model, BenchmarkAccount.Portfolio());
    }

    /// <summary>Rebuild every scenario vector from the holdings and total the requirement (what a price move costs).</summary>
    [Benchmark(Baseline = true)]
    public double FullRemargin()
    {
        _book.Rebuild(_model);
        return _book.Figures().Excess;
    }

    /// <summary>The full report with every group's breakdown (the buying-power query).</summary>
    [Benchmark]
    public double FullReport() => _book.Evaluate().Excess;

    /// <summary>Recompute one option's 35-scenario risk array (Black-76 at every shock and vol state).</summary>
    [Benchmark]
    public double RiskArrayOneOption() => _model.RecompileInstrument("BTC-30D-60000-C").RiskArray[0];
}

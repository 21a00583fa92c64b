using BenchmarkDotNet.Attributes;
using Grid.Api.V1;
using Grid.Gateway.Margin;
using Grid.Risk.Simulation;

namespace Grid.Benchmarks;

/// <summary>
/// The server-side work of one Margin.Simulate call (conversion in, margining, conversion out; no transport,
/// no audit): the 20-position account (target ≤ 100 µs) and a 1,000-position options book (≤ 5 ms),
/// each for the breakdown alone and with every figure (candidate order and max size, silos, stress, without
/// credits), against a live listing as a silo holds it.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private MarginSimulation _small = null!;
    private MarginSimulation _large = null!;
    private SimulateRequest _twenty = null!;
    private SimulateRequest _twentyAll = null!;
    private SimulateRequest _thousand = null!;
    private SimulateRequest _thousandAll = null!;

    [GlobalSetup]
    public void Setup()
    {
        var simulator = new PortfolioSimulator();
        _small = new MarginSimulation(simulator, new SimulationPortfolios.Listing(BenchmarkAccount.Model()), SimulationLimits.Default);
        var (model, portfolio) = SimulationPortfolios.Large();
        _large = new MarginSimulation(simulator, new SimulationPortfolios.Listing(model), SimulationLimits.Default);
        _twenty = SimulationPortfolios.Request(BenchmarkAccount.Portfolio());
        _twentyAll = All(_twenty, "BTC-PERP", 60_000);
        _thousand = SimulationPortfolios.Request(portfolio);
        _thousandAll = All(_thousand, "BTC-PERP", 60_000);
        _ = _small.Run(_twentyAll);
        _ = _large.Run(_thousandAll);
    }

    /// <summary>20 positions, 10 resting orders, 3 groups: the buying-power breakdown (groups, credits, collateral, heatmap P&amp;L).</summary>
    [Benchmark(Baseline = true)]
    public SimulateResponse Positions20() => _small.Run(_twenty);

    /// <summary>The same with a candidate order, its max size, siloed vs cross, six stress scenarios and the figures without credits.</summary>
    [Benchmark]
    public SimulateResponse Positions20AllFigures() => _small.Run(_twentyAll);

    /// <summary>1,000 option positions over 20 expiries: the breakdown.</summary>
    [Benchmark]
    public SimulateResponse Positions1000() => _large.Run(_thousand);

    /// <summary>1,000 option positions with every figure.</summary>
    [Benchmark]
    public SimulateResponse Positions1000AllFigures() => _large.Run(_thousandAll);

    private static SimulateRequest All(SimulateRequest request, string instrument, decimal price)
    {
        var all = request.Clone();
        all.Order = new WhatIfOrder
        {
            InstrumentId = instrument, Side = Side.Buy, Qty = new Api.V1.Decimal { Units = 1 }, Price = new Api.V1.Decimal { Units = (long)price },
        };
        all.MaxOrderSize = all.CompareRegimes = all.Stress = all.CreditDependency = true;
        return all;
    }
}

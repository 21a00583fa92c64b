using BenchmarkDotNet.Running;
using Grid.Benchmarks;

// dotnet run -c Release --project loadtests/Grid.Benchmarks -- --filter '*'          micro-benchmarks
// dotnet run -c Release --project loadtests/Grid.Benchmarks -- shock [accounts] [shock]   market-wide shock on the monitor
// dotnet run -c Release --project loadtests/Grid.Benchmarks -- stress [accounts] [runs]   house stress, six scenarios, on the monitor
// dotnet run -c Release --project loadtests/Grid.Benchmarks -- collateral [accounts]     what collateral-only accounts cost the monitor
if (args.Length > 0 && args[0] == "shock")
{
    ShockBenchmark.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "stress")
{
    StressRunBenchmark.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "collateral")
{
    CollateralReplicaBenchmark.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PreTradeBenchmarks).Assembly).Run(args);

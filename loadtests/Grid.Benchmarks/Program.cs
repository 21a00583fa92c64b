using BenchmarkDotNet.Running;

// dotnet run -c Release --project loadtests/Grid.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Grid.Benchmarks.PreTradeBenchmarks).Assembly).Run(args);

using System.Globalization;
using System.Runtime.InteropServices;
using Grid.LoadTest.Baselines;
using Grid.LoadTest.Market;
using Grid.LoadTest.Options;
using Grid.LoadTest.Reporting;
using Grid.LoadTest.Transport;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Running;

/// <summary>
/// A whole run: optionally start a host, fund the accounts, measure the grid, the echo ceiling and
/// the core in that order with the same settings, print the table and write the reports.
/// </summary>
public sealed class LoadRun(LoadOptions options, IReadOnlyList<string> arguments, TextWriter output)
{
    /// <summary>Runs and returns the exit code: 0, or 1 with --fail-on-errors when a phase had faults.</summary>
    public async Task<int> Execute()
    {
        var startedAt = DateTimeOffset.UtcNow;
        var runId = Convert.ToString(startedAt.ToUnixTimeMilliseconds() % 100_000_000_000, 16);
        var outputDirectory = options.OutputDirectory.Length > 0 ? options.OutputDirectory : DefaultOutputDirectory();
        if (options.Chaos is { } plan)
        {
            return await new Chaos.ChaosRun(options, plan, arguments, output).Execute(outputDirectory);
        }

        await using var host = options.StartHost is { } path
            ? await HostLauncher.Start(path, options.HostArguments, $"loadtest-{runId}", Path.Combine(Directory.CreateDirectory(outputDirectory).FullName, $"host-{runId}.log"), output)
            : null;
        if (host is not null)
        {
            options.Targets = [host.Target];
            options.ServerPids = [.. options.ServerPids, host.ProcessId];
            options.ServerMetrics ??= host.Metrics;
        }

        var accounts = new AccountSet(options.AccountPrefix, options.Accounts, options.Instruments.Count, options.MarketMakerCount, OptionBook.Size);
        LiveMarket? market = null;
        if (options.LiveMarket)
        {
            market = await MarketSetup.Prepare(options, output);
            await PriceFeed.PublishAll(options.Targets[0], options.MarketDataKey, market.Walk, output);
        }

        var phases = new PhaseRunner(options, accounts, runId, output, market);
        MarketMakerSeeding? seeding = null;
        PhaseResult? grid = null, echo = null;
        if (options.Grid)
        {
            // The deposit is an account's first call, so it decides the silo of its activation.
            await Task.WhenAll(accounts.ByFundingTarget(options.Streams, options.Targets, options.FundViaStreamTarget)
                .Select(g => AccountFunding.Fund(g.Target, options.AdminKey, g.Accounts, options.Funding, output)));
            if (market is not null && accounts.MarketMakers.Count > 0)
            {
                seeding = new MarketMakerSeeding(options.Targets[0], options.EngineKey, market, accounts.MarketMakers, runId);
                await seeding.Seed(output);
            }

            grid = await phases.Run("grid", StreamService.PreTrade);
        }

        if (options.Echo)
        {
            echo = await phases.Run("echo", StreamService.Echo);
        }

        if (seeding is not null)
        {
            await seeding.CancelResting(output);
        }

        var core = options.CoreDuration > TimeSpan.Zero ? CoreBaseline.Run(options.Instruments, options.Funding, options.CoreDuration, options.Seed, output) : null;
        var report = new RunReport
        {
            Label = options.Label,
            StartedAt = startedAt,
            Command = "dotnet run -c Release --project loadtests/Grid.LoadTest -- " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a)),
            Machine = Machine(),
            Settings = Settings(host is not null),
            Grid = grid,
            Echo = echo,
            Core = core,
        };
        ConsoleReport.Write(report, output);
        var (json, markdown) = ReportFiles.Write(report, outputDirectory);
        output.WriteLine($"reports: {json}, {markdown}");
        var faulty = new[] { grid, echo }.OfType<PhaseResult>().Where(p => p.Faults > 0).ToList();
        return options.FailOnErrors && faulty.Count > 0 ? 1 : 0;
    }

    private Dictionary<string, string> Settings(bool startedHost) => new()
    {
        ["targets"] = string.Join(", ", options.Targets) + (startedHost ? " (host started by the generator)" : ""),
        ["streams"] = $"{options.Streams} ({(options.SharedChannel ? "one shared channel" : "one channel each")}); accounts funded through {(options.FundViaStreamTarget ? "their stream's target" : "the first target")}",
        ["accounts"] = $"{options.Accounts:N0} ({options.AccountPrefix}*, {options.Funding:N0} USD each)",
        ["instruments"] = string.Join(", ", options.Instruments.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Id} near {i.Reference} (lot {i.Lot})"))),
        ["mix"] = $"new:cancel:fill {options.Mix}, at most {options.MaxRestingPerAccount} resting per account",
        ["load"] = PhaseResults.Load(options),
        ["timing"] = string.Create(CultureInfo.InvariantCulture, $"{options.Warmup.TotalSeconds}s warm-up, {options.Duration.TotalSeconds}s measured per phase; core {options.CoreDuration.TotalSeconds}s"),
        ["market"] = options.Prices is { } prices
            ? string.Create(CultureInfo.InvariantCulture, $"{prices:0.#} price batches/s through MarketData during both phases")
            : "still (no price batches)",
        ["profile"] = options.Profile == AccountProfile.MarketMaker
            ? string.Create(CultureInfo.InvariantCulture, $"market-maker: {options.MarketMakerCount} market makers ({options.AccountPrefix}mm*), {OptionBook.Size} option positions and {BookSeed.RestingQuotes} resting quotes each, {options.QuoteShare:P0} of each stream's messages are their quotes")
            : "default",
        ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
    };

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} logical cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; generator on the same machine";
    }

    // loadtests/results under the repository root (the folder holding Grid.sln), else under the current folder.
    private static string DefaultOutputDirectory()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Grid.sln")))
            {
                return Path.Combine(dir.FullName, "loadtests", "results");
            }
        }

        return Path.Combine(Environment.CurrentDirectory, "loadtests", "results");
    }
}

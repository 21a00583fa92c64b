using System.Globalization;
using System.Text.Json;
using Grid.Api.V1;
using Grid.LoadTest.Options;
using Grid.LoadTest.Running;
using Grpc.Core;

namespace Grid.LoadTest.Chaos;

/// <summary>
/// A whole chaos run (--chaos KIND@T): start Redis and the silos, fund the accounts through the silo
/// their stream reaches, run the phase with the fault, resume a hung silo, read every account back
/// over Accounts.GetPortfolio and reconcile it with the ledger, print the table and write the reports.
/// </summary>
public sealed class ChaosRun(LoadOptions options, ChaosPlan plan, IReadOnlyList<string> arguments, TextWriter output)
{
    private static readonly TimeSpan SettleAfterResume = TimeSpan.FromSeconds(3);

    /// <summary>Runs; 0 when the reconciliation is clean, else 1 with --fail-on-errors.</summary>
    public async Task<int> Execute(string outputDirectory)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var runId = Convert.ToString(startedAt.ToUnixTimeMilliseconds() % 100_000_000_000, 16);
        Directory.CreateDirectory(outputDirectory);
        await using var cluster = await ChaosCluster.Start(options, outputDirectory, runId, output);
        options.Targets = cluster.Targets;
        var accounts = new AccountSet(options.AccountPrefix, options.Accounts, options.Instruments.Count);
        await Task.WhenAll(accounts.ByFundingTarget(options.Streams, options.Targets, options.FundViaStreamTarget)
            .Select(g => AccountFunding.Fund(g.Target, options.AdminKey, g.Accounts, options.Funding, output)));
        var outcome = await new ChaosPhase(options, plan, accounts, runId, output).Run(cluster);
        var load = LoadAverage();
        await cluster.Resume();
        if (plan.Kind == FaultKind.HangSilo)
        {
            // A resumed silo finds itself declared dead; give any write it still had queued the chance to show up.
            await Task.Delay(SettleAfterResume);
        }

        var found = await Reconcile(cluster.Survivors(plan.Kind), accounts.Ids, outcome.Probes.Ledger);
        var lost = cluster.Lost(plan.Kind);
        if (lost > 0)
        {
            output.WriteLine($"   {lost} silo(s) besides the fault's victim stopped during the run (evicted by the cluster): see their logs");
        }

        var result = new ChaosResult
        {
            Label = options.Label,
            StartedAt = startedAt,
            Command = "dotnet run -c Release --project loadtests/Grid.LoadTest -- " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a)),
            Settings = Settings(cluster),
            Fault = plan.ToString(),
            Injected = outcome.Injected,
            FaultUtc = outcome.FaultUtc,
            InjectionMs = Math.Round(outcome.InjectionMs, 1),
            Sessions = outcome.Counters,
            Acknowledged = outcome.Probes.Ledger.Acknowledged,
            Reconciliation = found,
            Recovery = outcome.Probes.Recovery.Summary(),
            RecoverySeconds = outcome.Probes.Recovery.Seconds().ToDictionary(s => s.Key, s => s.Value is { } v ? (double?)Math.Round(v, 4) : null, StringComparer.Ordinal),
            RecoveryStages = outcome.Probes.Recovery.Stages(),
            StreamMoves = outcome.Probes.Streams.Timeline(),
            LoadAverage = load,
            Dip = ThroughputDip.Of(outcome.Probes.Throughput.AroundFault(outcome.FaultAt, -ChaosPhase.SecondsBefore, ChaosPhase.SecondsAfter), ChaosPhase.SecondsBefore),
            Throughput = outcome.Throughput,
            OtherSilosStopped = lost,
        };
        ChaosTable.Write(result, output);
        var stem = Path.Combine(outputDirectory, $"{string.Concat(options.Label.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'))}-{startedAt:yyyyMMdd-HHmmss}");
        await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(result, ChaosJsonContext.Default.ChaosResult));
        await File.WriteAllTextAsync(stem + ".md", ChaosTable.Markdown(result));
        output.WriteLine($"reports: {stem}.json, {stem}.md");
        return options.FailOnErrors && !found.Clean ? 1 : 0;
    }

    private async Task<Discrepancies> Reconcile(IReadOnlyList<Uri> survivors, IReadOnlyList<string> accounts, ChangeLedger ledger)
    {
        var total = new Discrepancies();
        if (survivors.Count == 0)
        {
            total.Unread = accounts.Count;
            total.Note("no silo left running to read the accounts through");
            return total;
        }

        var channels = survivors.Select(Transport.EngineChannels.Create).ToList();
        try
        {
            var clients = channels.Select(c => new Accounts.AccountsClient(c)).ToList();
            var headers = new Metadata { { "x-api-key", options.AdminKey } };
            foreach (var account in accounts)
            {
                if (await Read(clients, headers, account) is not { } portfolio)
                {
                    total.Unread++;
                    total.Note($"{account}: the portfolio could not be read");
                    continue;
                }

                total.Add(Reconciliation.Check(account, ledger.For(account), portfolio, options.Funding));
            }
        }
        finally
        {
            channels.ForEach(c => c.Dispose());
        }

        output.WriteLine($"   reconciled {accounts.Count} accounts through {string.Join(", ", survivors)}: {(total.Clean ? "clean" : "DISCREPANCIES")}");
        return total;
    }

    // Each failed attempt moves on to the next surviving silo.
    private static async Task<Portfolio?> Read(List<Accounts.AccountsClient> clients, Metadata headers, string account)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                return await clients[attempt % clients.Count].GetPortfolioAsync(new GetPortfolioRequest { AccountId = account }, headers, deadline: DateTime.UtcNow.AddSeconds(10));
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Internal)
            {
                await Task.Delay(250);
            }
        }

        return null;
    }

    // Recovery times track the machine's load (docs/reliability.md): every report says what it was.
    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "";
        }
    }

    private Dictionary<string, string> Settings(ChaosCluster cluster) => new()
    {
        ["cluster"] = $"{options.Silos} silos in Redis mode, FastFailover=true, one redis-server ({RedisProcess.Persistence}); faulted silo {cluster.Victim}",
        ["load"] = string.Create(CultureInfo.InvariantCulture, $"open {options.Rate ?? ChaosPhase.DefaultRate:0.#}/s over {options.Streams} streams (stream s starts on silo s mod {options.Silos}), at most {options.Concurrency} unanswered per stream, stall timeout {options.StallTimeout.TotalSeconds:0.###}s"),
        ["accounts"] = $"{options.Accounts:N0} ({options.AccountPrefix}*, {options.Funding:N0} USD each), funded through their stream's silo",
        ["mix"] = options.Mix.ToString(),
        ["timing"] = string.Create(CultureInfo.InvariantCulture, $"{options.Warmup.TotalSeconds:0.#}s warm-up + {options.Duration.TotalSeconds:0.#}s measured; fault {plan}"),
        ["machine"] = $"{Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; generator, silos and Redis on the same machine",
    };
}

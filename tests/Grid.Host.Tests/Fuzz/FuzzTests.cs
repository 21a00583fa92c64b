using System.Diagnostics;
using System.Text;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Security, hostile input: at least 10,000 malformed or random messages to every RPC of every grid.v1
/// service (random bytes, damaged encodings, broken framing, boundary and huge values, negative, NaN
/// and infinite strings, unknown enums, empty ids, missing and wrong keys). Zero crashes, streams
/// recover, and every account still agrees with a full recompute afterwards.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Fuzz")]
    public async Task EveryRpc_HostileInput_NoCrashStreamsRecoverAndAccountsStayConsistent()
    {
        await using var host = await HostProcess.StartAsync(FuzzSettings.HostOverrides);
        using var channels = new FuzzChannels(host);
        using var raw = new RawHttp(host.GrpcPort);
        var admin = new Admin.AdminClient(host.Channel);
        await FuzzSetup.Fund(new Accounts.AccountsClient(host.Channel));
        var vocabulary = await FuzzVocabulary.Read(admin, FuzzSetup.DemoAccounts);
        var inputs = new InputFactory(vocabulary);
        var touched = new TouchedAccounts();
        var calls = new CallFuzzer(channels, raw, inputs, touched);
        var duplex = new DuplexFuzzer(channels, raw, inputs, touched);

        var rpcs = await Served(RpcTarget.All(), channels);
        output.WriteLine($"Fuzz seed {FuzzSettings.Seed} (GRID_FUZZ_SEED), {FuzzSettings.MessagesPerRpc} messages per RPC, {rpcs.Count} RPCs: {string.Join(", ", rpcs.Select(r => r.Label))}");
        var reports = new List<RpcReport>();
        var clock = Stopwatch.StartNew();
        foreach (var rpc in rpcs.Where(r => r.Label.Contains(FuzzSettings.Only, StringComparison.Ordinal)))
        {
            if (host.HasExited)
            {
                break;
            }

            var report = new RpcReport(rpc);
            await (rpc.Type == MethodType.DuplexStreaming
                ? duplex.Run(rpc, report, FuzzSettings.MessagesPerRpc)
                : calls.Run(rpc, report, FuzzSettings.MessagesPerRpc));
            reports.Add(report);
            output.WriteLine(report.Summary());
        }

        clock.Stop();
        var messages = reports.Sum(r => r.Messages);
        output.WriteLine($"Total: {messages} messages in {reports.Sum(r => r.Calls)} calls to {reports.Count} RPCs in {clock.Elapsed.TotalSeconds:0.0} s ({messages / clock.Elapsed.TotalSeconds:0} msgs/s)");

        var problems = new List<string>();
        try
        {
            if (host.HasExited)
            {
                problems.Add($"the host process exited during the fuzz:\n{Tail(host.Output)}");
            }
            else
            {
                string[] named = [.. FuzzSetup.FundedAccounts, .. FuzzSetup.DemoAccounts, .. touched.Ids];
                problems.AddRange(await Live(host));
                problems.AddRange(await AccountInvariants.Check(admin, named, output, "after the fuzz"));
                problems.AddRange(await KnownGoodFlow.Run(host, vocabulary, output));
                problems.AddRange(await AccountInvariants.Check(admin, [.. named, KnownGoodFlow.Account], output, "after the known-good flow"));
                problems.AddRange(await Live(host));
            }
        }
        finally
        {
            var log = Path.Combine(Path.GetTempPath(), $"grid-fuzz-{FuzzSettings.Seed}-host.log");
            await File.WriteAllTextAsync(log, host.Output);
            output.WriteLine($"{ServerErrors(host.Output)}Full host log: {log}");
        }

        foreach (var report in reports)
        {
            if (report.Messages < FuzzSettings.MessagesPerRpc && !host.HasExited)
            {
                problems.Add($"{report.Rpc.Label}: only {report.Messages} messages sent");
            }

            // A "reply error PermissionDenied" is one message of a live stream refused for its account's
            // venue; only refusals of the call itself mean the fuzz never reached the handler.
            var refused = report.Histogram
                .Where(p => !p.Key.StartsWith("reply ", StringComparison.Ordinal))
                .Where(p => p.Key.Contains("PermissionDenied", StringComparison.Ordinal) || p.Key.Contains("Unauthenticated", StringComparison.Ordinal))
                .Sum(p => p.Value);
            if (refused > report.Calls / 2)
            {
                problems.Add($"{report.Rpc.Label}: {refused} of {report.Calls} calls refused by authentication: the fuzz does not reach the handler (is CallerKeys in step with AccessPolicy?)");
            }

            problems.AddRange(report.Samples.Select(f => f.ToString()));
        }

        var findings = reports.Sum(r => r.FindingCount);
        output.WriteLine($"Findings: {findings} hostile inputs answered badly; {problems.Count} problems (findings sampled three per reason)");
        Assert.True(problems.Count == 0, $"{findings} findings (seed {FuzzSettings.Seed}); first samples per reason:\n{string.Join("\n", problems)}");
    }

    /// <summary>The RPCs the host serves: grid.v1.Echo is mapped only with Grid:Gateway:EnableEcho (on for this host).</summary>
    private async Task<List<RpcTarget>> Served(IReadOnlyList<RpcTarget> all, FuzzChannels channels)
    {
        var served = new List<RpcTarget>();
        foreach (var rpc in all)
        {
            if (rpc.Service == "grid.v1.Echo")
            {
                var probe = await RawCalls.Unary(channels.For(CallerKeys.Allowed(rpc.Path)[0]), rpc, [], TimeSpan.FromSeconds(5));
                if (probe.Code == StatusCode.Unimplemented && probe.Detail.Contains("unimplemented", StringComparison.OrdinalIgnoreCase))
                {
                    output.WriteLine($"{rpc.Label} skipped: the host does not serve it ({probe.Detail})");
                    continue;
                }
            }

            served.Add(rpc);
        }

        return served;
    }

    private static async Task<List<string>> Live(HostProcess host)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var response = await http.GetAsync($"http://127.0.0.1:{host.HttpPort}/health/live");
            return response.IsSuccessStatusCode ? [] : [$"/health/live answered {(int)response.StatusCode} after the fuzz"];
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return [$"/health/live did not answer after the fuzz: {e.Message}"];
        }
    }

    /// <summary>The distinct exception lines the host logged (warnings and errors), for diagnosis.</summary>
    private static string ServerErrors(string log)
    {
        var lines = log.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Contains("Exception", StringComparison.Ordinal) && !l.StartsWith("at ", StringComparison.Ordinal))
            .GroupBy(l => l.Length > 200 ? l[..200] : l)
            .OrderByDescending(g => g.Count())
            .Take(25)
            .ToList();
        var text = new StringBuilder($"Host log: {lines.Count} distinct exception lines (top 25)\n");
        foreach (var g in lines)
        {
            text.AppendLine($"  {g.Count(),5} × {g.Key}");
        }

        return text.ToString();
    }

    private static string Tail(string log) => log.Length > 4_000 ? log[^4_000..] : log;
}

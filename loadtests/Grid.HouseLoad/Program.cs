using System.Diagnostics;
using System.Globalization;
using Grid.Api.V1;
using Grid.HouseLoad;
using Grpc.Core;
using Grpc.Net.Client;

// House stress through the grid (issue 19): seeds N accounts through the public API (Accounts.Deposit,
// fills on PreTrade.Stream), then times Admin.RunHouseRisk, which fans out to every silo.
// dotnet run -c Release --project loadtests/Grid.HouseLoad -- <grpc-url> <accounts> [runs] [first-account]
// dotnet run -c Release --project loadtests/Grid.HouseLoad -- remargin <grpc-url,…> <accounts> [seed|move|both] [BTC price, 54000] [seconds between subscribing and publishing, 0]   (issue 16 item 4)
// Keys: GRID_ADMIN_KEY and GRID_ENGINE_KEY (default: the embedded grid's development keys).
if (args.Length > 0 && args[0] == "remargin")
{
    // Issue 16 item 4: remargin <grpc-url,…> <accounts> [seed|move|both]; keys as below, GRID_MARKETDATA_KEY for the move.
    await Grid.HouseLoad.RemarginCommand.Run(args, Console.Out);
    return;
}

var target = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5000");
var accounts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
var first = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
var admin = new Metadata { { "x-api-key", Environment.GetEnvironmentVariable("GRID_ADMIN_KEY") ?? "grid-dev-admin" } };
var engine = new Metadata { { "x-api-key", Environment.GetEnvironmentVariable("GRID_ENGINE_KEY") ?? "grid-dev-engine" } };
using var channel = GrpcChannel.ForAddress(target, new GrpcChannelOptions
{
    HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
    MaxReceiveMessageSize = 64 * 1024 * 1024,
});

if (accounts > 0)
{
    var seeding = Stopwatch.StartNew();
    await HouseSeeder.Seed(channel, admin, engine, first, accounts, Console.Out);
    Console.WriteLine($"seeded accounts {first:N0}..{first + accounts - 1:N0} in {seeding.Elapsed.TotalSeconds:N0} s");
}

var house = new Admin.AdminClient(channel);
for (var i = 1; i <= runs; i++)
{
    var clock = Stopwatch.StartNew();
    var run = await house.RunHouseRiskAsync(new RunHouseRiskRequest(), admin, deadline: DateTime.UtcNow.AddMinutes(2));
    clock.Stop();
    var server = run.CompletedAt.ToDateTimeOffset() - run.StartedAt.ToDateTimeOffset();
    var worst = run.Scenarios.FirstOrDefault(s => s.Scenario == run.WorstScenario);
    Console.WriteLine(
        $"run {i}: {run.Accounts:N0} accounts (+{run.Skipped} skipped) on {run.Silos.Count} silo(s): {clock.Elapsed.TotalMilliseconds:N0} ms at the client, " +
        $"{server.TotalMilliseconds:N0} ms in the grid (silo parts: {string.Join(", ", run.Silos.Select(s => $"{s.Accounts:N0} in {s.Elapsed.ToTimeSpan().TotalMilliseconds:N0} ms, of which stress {s.StressElapsed.ToTimeSpan().TotalMilliseconds:N0} ms"))}); " +
        $"worst {run.WorstScenario}: Cover-2 {worst?.Cover2?.Units:N0} USD, {worst?.AccountsInDeficit:N0} in deficit");
}

using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;

namespace Grid.HouseLoad;

/// <summary>The "remargin" command: seeds issue 16's resident accounts across the given silos and/or runs the −10 % move.</summary>
internal static class RemarginCommand
{
    public static async Task Run(string[] args, TextWriter log)
    {
        var targets = (args.Length > 1 ? args[1] : "http://127.0.0.1:5000").Split(',');
        var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
        var step = args.Length > 3 ? args[3] : "both";
        var price = args.Length > 4 ? decimal.Parse(args[4], CultureInfo.InvariantCulture) : 54_000m;
        var settle = TimeSpan.FromSeconds(args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 0);
        var admin = Key("GRID_ADMIN_KEY", "grid-dev-admin");
        var engine = Key("GRID_ENGINE_KEY", "grid-dev-engine");
        var feed = Key("GRID_MARKETDATA_KEY", "grid-dev-marketdata");
        var silos = targets.Select(t => GrpcChannel.ForAddress(t, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        })).ToArray();
        if (step is "seed" or "both")
        {
            var deposit = await RemarginRun.Calibrate(silos[0], admin, engine, log);
            var shape = SeedShape.FromEnvironment();
            log.WriteLine($"seeding {count:N0} accounts through the public API: {shape}");
            var (clock, cpu) = (Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);
            var refused = await RestingSeeder.Seed(silos, admin, engine, 0, count, deposit, shape, log);
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            log.WriteLine($"seeded {count:N0} accounts (deposit, 1 position, 5 resting orders) across {silos.Length} silo(s) in {clock.Elapsed.TotalSeconds:N0} s " +
                $"({count / clock.Elapsed.TotalSeconds:N0} accounts/s); {refused:N0} refused; this tool's CPU {cpu.TotalSeconds:N1} s ({cpu.TotalMicroseconds / count:N0} µs per account)");
        }

        if (step is "move" or "both")
        {
            await RemarginRun.Run(silos, admin, feed, count, price, settle, log);
        }

        foreach (var s in silos)
        {
            s.Dispose();
        }
    }

    private static Metadata Key(string variable, string development) => new() { { "x-api-key", Environment.GetEnvironmentVariable(variable) ?? development } };
}

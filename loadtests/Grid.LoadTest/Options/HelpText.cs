namespace Grid.LoadTest.Options;

/// <summary>The --help text.</summary>
public static class HelpText
{
    /// <summary>Usage, every option with its default, and examples.</summary>
    public const string Text = """
        Grid.LoadTest: behaves like N matching engines on grid.v1.PreTrade.Stream and measures, in one run,
        (1) the grid, (2) the gRPC echo ceiling (grid.v1.Echo.Stream, same load; the server needs
        --Grid:Gateway:EnableEcho=true) and (3) the in-process risk core (AccountBook.Check, one thread).
        Latency runs from the PLANNED send time into an HDR histogram (no coordinated omission); warm-up first.

        usage: dotnet run -c Release --project loadtests/Grid.LoadTest -- [options]

        target
          --target URL[,URL]      gRPC (h2c) endpoints; streams round-robin over them   [http://127.0.0.1:5100]
          --start-host PATH       start a host on free loopback ports first: Grid.Host.dll, or src/Grid.Host
                                  after `dotnet build src/Grid.Host -c Release` (killed at the end)
          --host-arg ARG          extra host setting, repeatable (e.g. --host-arg --Grid:Host:Mode=Redis)
          --engine-key KEY        x-api-key of the streams (engine role)                 [grid-dev-engine]
          --admin-key KEY         x-api-key of the funding deposits (admin role)         [grid-dev-admin]
          --server-pid PID[,PID]  server processes whose CPU to report (automatic with --start-host)

        engines and accounts
          --streams N             simulated engines, one stream each                     [4]
          --shared-channel        all streams on one channel (one HTTP/2 connection)     [one channel each]
          --accounts N            accounts, account i on stream i mod N                  [1000]
          --account-prefix P      account ids P0000..                                    [load-]
          --funding USD           deposited per account first (idempotent)               [10000000]
          --fund-via-first        fund every account through the first target            [through its stream's target,
                                  (accounts then activate on that silo)                    where its traffic lands]
          --instruments ID=PRICE  traded instruments and reference prices                [BTC-PERP=60000,ETH-PERP=3000]
          --mix N:C:F[:R]         weights of new orders, cancels, partial fills, and the
                                  share R of new orders that reduce a position           [70:15:15:0.3]
          --max-resting N         resting orders per account before new turns to cancel  [32]

        load
          --rate R                open loop: R messages/s over all streams, fixed schedule
          --concurrency K         closed loop: K messages outstanding per stream         [64]
          --spin                  open loop: yield-spin to each planned time (punctual, busy) instead of sleeping
          --warmup S              unmeasured seconds before each phase                   [5]
          --duration S            measured seconds per phase                             [20]
          --drain S               wait for late replies after sending stops              [10]

        live market (both phases carry it, so grid/echo compares like with like)
          --prices R              publish R price batches/s through MarketData: each batch is one traded
                                  underlying's step (index, traded marks, option forwards, 16 vols), small
                                  mean-reverting moves that stay within 1 % of the reference price
          --marketdata-key KEY    x-api-key of the price feed (marketdata role)          [grid-dev-marketdata]
          --profile P             default, or market-maker: market-maker accounts (P mm0..) hold a position
                                  in each of 200 BTC options (listed through Admin if missing) and rest 50
                                  quotes across the strikes, seeded over the stream before the phases, and
                                  send quotes around the option marks                   [default]
          --market-makers N       market-maker accounts; market maker k trades on stream k mod --streams [two per stream]
          --quote-share F         share of a stream's messages that are its market makers' quotes [0.1]
          --server-metrics URL    the server's /metrics (Prometheus): its runtime allocation counter gives
                                  the server's allocated bytes per message (automatic with --start-host)

        faults at load (loadtests/chaos.sh runs each N times; docs/reliability.md)
          --chaos KIND@T          start redis-server and --silos Redis silos with FastFailover (needs --start-host),
                                  run the grid phase open-loop (--rate, default 2000/s) and inject KIND T seconds
                                  into the measured window: kill-silo (kill -9 silo 1), hang-silo (SIGSTOP silo 1,
                                  SIGCONT after the run) or restart-redis (kill -9, restarted on the same port and
                                  data dir, appendfsync always). The engines reconnect to survivors and resend what
                                  had no reply with the same ids; at the end every account is read back and
                                  reconciled with the ledger of acknowledged changes (lost, applied twice), with
                                  the time from the fault to each account's first accepted check and the dip
          --silos N               silos of the chaos cluster                             [3]
          --redis-server PATH     the redis-server the chaos run starts                  [redis-server]
          --stall-timeout S       chaos: a stream with messages outstanding and no reply for S, not even to the
                                  heartbeat sent after S/2, is given up (a hung silo keeps its sockets open);
                                  --concurrency caps unanswered per stream                [1]

        phases and output
          --no-grid               skip the grid phase
          --no-echo               skip the echo phase
          --core S                seconds of the core baseline, 0 to skip                [3]
          --out DIR               reports folder                                         [loadtests/results]
          --label NAME            run name in the report and file names                  [run]
          --seed N                order generator seed                                   [7]
          --fail-on-errors        exit 1 if a phase had error replies, lost replies or failed streams
          --no-progress           no per-second progress line

        examples
          # the grid, in memory, one silo, Echo enabled, on the load-test ports:
          dotnet run -c Release --project src/Grid.Host -- --Grid:Host:GrpcPort=5100 --Grid:Host:HttpPort=5101 \
            --Grid:Host:SiloPort=11200 --Grid:Host:GatewayPort=30200 --Grid:Host:ClusterId=load --Grid:Gateway:EnableEcho=true
          # maximum throughput (closed loop), then p99 at a fixed rate (open loop):
          dotnet run -c Release --project loadtests/Grid.LoadTest -- --concurrency 256 --label max
          dotnet run -c Release --project loadtests/Grid.LoadTest -- --rate 10000 --label half
          # the same under a live market with option market makers (50 price batches/s):
          dotnet run -c Release --project loadtests/Grid.LoadTest -- --start-host src/Grid.Host --concurrency 128 \
            --prices 50 --profile market-maker --label live
          # a kill -9 of one of three Redis silos 8 s into the measured window, at 1,000 msgs/s:
          dotnet run -c Release --project loadtests/Grid.LoadTest -- --start-host src/Grid.Host --chaos kill-silo@8 \
            --rate 1000 --streams 6 --accounts 60 --warmup 5 --duration 20 --label chaos-kill
          # seconds-long smoke that starts its own host:
          dotnet run -c Release --project loadtests/Grid.LoadTest -- --start-host src/Grid.Host --accounts 40 \
            --streams 2 --concurrency 8 --warmup 1 --duration 2 --core 0.5 --label smoke --fail-on-errors
        """;
}

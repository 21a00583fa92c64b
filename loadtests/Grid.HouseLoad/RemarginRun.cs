using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Grid.HouseLoad;

/// <summary>
/// Issue 16 item 4's run: with the resident accounts seeded (<see cref="RestingSeeder"/>), subscribes to
/// RiskEvents, publishes a −10 % BTC move through MarketData, and times until every seeded account's state
/// change has arrived on the subscription (events/s over that time).
/// </summary>
internal static class RemarginRun
{
    /// <summary>The deposit that leaves the shape OK before a −10 % move and REDUCE_ONLY after it, from a calibration account's figures.</summary>
    public static async Task<decimal> Calibrate(GrpcChannel silo, Metadata admin, Metadata engine, TextWriter log)
    {
        await RestingSeeder.Seed([silo], admin, engine, 9_999_999, 1, 100_000m, new SeedShape(1, 1, 8), TextWriter.Null);
        var figures = await new Accounts.AccountsClient(silo).GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = RestingSeeder.Id(9_999_999) }, admin);
        var (im, mm) = (Money.Of(figures.InitialMargin), Money.Of(figures.MaintenanceMargin));
        // The long of 1 loses 6,000 on the move; requirements scale with the price (≈ 0.9 of today's). Half
        // way between staying OK and falling below IM: equity after = 0.95 IM − 3,000, above 0.9 MM.
        var deposit = decimal.Round(0.95m * im + 3_000m, 0);
        log.WriteLine($"calibration: IM {im:N0}, MM {mm:N0} with 100,000 USDT; deposit {deposit:N0} (equity after the move ≈ {deposit - 6_000m:N0}, IM ≈ {0.9m * im:N0}, MM ≈ {0.9m * mm:N0})");
        return deposit;
    }

    /// <summary>Publishes BTC at <paramref name="price"/> (54,000 is the −10 % move; 60,000 moves back) and times the state changes.</summary>
    /// <remarks>
    /// With <paramref name="settle"/> above zero the move is published that long after the subscription's headers,
    /// so its opening snapshot (paged from the account registry) is out of the way and the time is the move's alone.
    /// </remarks>
    public static async Task Run(GrpcChannel[] silos, Metadata admin, Metadata feed, int count, decimal price, TimeSpan settle, TextWriter log)
    {
        var events = new RiskEvents.RiskEventsClient(silos[0]);
        // The opening snapshot pages the whole account registry (≈ 25-35 ms per 1,000 accounts on a busy machine) and a
        // burst of N events follows: 5 minutes, plus 1 s per 2,000 accounts (13 min at a million).
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(count / 2_000.0));
        var request = new SubscribeRiskEventsRequest();
        request.States.Add([AccountState.ReduceOnly, AccountState.Liquidate, AccountState.Bankrupt]);
        using var call = events.Subscribe(request, admin, cancellationToken: stop.Token);
        await call.ResponseHeadersAsync;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var states = new Dictionary<AccountState, int>();
        long received = 0;
        var clock = new Stopwatch();
        var last = TimeSpan.Zero;
        var reader = Task.Run(async () =>
        {
            await foreach (var e in call.ResponseStream.ReadAllAsync(stop.Token))
            {
                if (e.Cause != "price move" || !e.AccountId.StartsWith("rest-", StringComparison.Ordinal) || e.AccountId == RestingSeeder.Id(9_999_999))
                {
                    continue;
                }

                received++;
                last = clock.Elapsed;
                states[e.State] = states.GetValueOrDefault(e.State) + 1;
                if (seen.Add(e.AccountId) && seen.Count == count)
                {
                    return;
                }
            }
        });

        await Task.Delay(settle, stop.Token);
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var batch = new PriceBatch { Sequence = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
        batch.Updates.Add(new PriceUpdate { Index = new IndexPrice { Asset = "BTC", Price = Money.Dec(price) }, ObservedAt = now });
        batch.Updates.Add(new PriceUpdate { Mark = new MarkPrice { InstrumentId = "BTC-PERP", Price = Money.Dec(price) }, ObservedAt = now });
        var started = DateTime.UtcNow;
        clock.Start();
        var ack = await new MarketData.MarketDataClient(silos[0]).PublishOnceAsync(batch, feed);
        var published = clock.Elapsed;

        // Events still missing 30 s after the last one arrived never will: the run ends there.
        while (!reader.IsCompleted && clock.Elapsed - (last > published ? last : published) < TimeSpan.FromSeconds(30))
        {
            await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(1)));
        }

        await stop.CancelAsync();
        try
        {
            await reader;
        }
        catch (Exception e) when (e is RpcException { StatusCode: StatusCode.Cancelled } or OperationCanceledException)
        {
            log.WriteLine($"incomplete: no event for 30 s after the last at {last.TotalMilliseconds:N0} ms");
        }

        log.WriteLine($"BTC {price:N0} published at {started:HH:mm:ss.fff} UTC ({settle.TotalSeconds:N0} s after subscribing) in {published.TotalMilliseconds:N0} ms (accepted {ack.Accepted}, rejected {ack.Rejected.Count}); " +
            $"{seen.Count:N0} of {count:N0} accounts' state changes received, the last {last.TotalMilliseconds:N0} ms after the publish started ({received:N0} events, {received / Math.Max(last.TotalSeconds, 1e-9):N0} events/s); " +
            $"states: {string.Join(", ", states.Select(s => $"{s.Key} {s.Value:N0}"))}");
    }
}

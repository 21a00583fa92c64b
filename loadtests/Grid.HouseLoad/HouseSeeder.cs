using System.Globalization;
using Grid.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Grid.HouseLoad;

/// <summary>
/// Seeds accounts through the public API: every account gets a USD deposit (Accounts.Deposit, admin);
/// four in five then take a BTC or ETH perp position through fills on PreTrade.Stream (engine), sized
/// from half to three times their equity in notional, so a crash leaves some in deficit; one in five
/// also holds BTC and keeps collateral only. Idempotent: request and trade ids depend on the account.
/// </summary>
internal static class HouseSeeder
{
    private const int Parallelism = 64;
    private const int Streams = 8;
    private const int Window = 512;

    public static async Task Seed(GrpcChannel channel, Metadata admin, Metadata engine, int first, int count, TextWriter log)
    {
        var accounts = new Accounts.AccountsClient(channel);
        var ids = Enumerable.Range(first, count).ToArray();
        var done = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
        {
            await accounts.DepositAsync(new DepositRequest { AccountId = Id(i), Asset = "USD", Amount = Dec(Equity(i)), RequestId = "seed-usd" }, admin, cancellationToken: ct);
            if (i % 5 == 0)
            {
                await accounts.DepositAsync(new DepositRequest { AccountId = Id(i), Asset = "BTC", Amount = Dec(0.5m), RequestId = "seed-btc" }, admin, cancellationToken: ct);
            }

            if (Interlocked.Increment(ref done) % 50_000 == 0)
            {
                log.WriteLine($"  deposits: {done:N0}");
            }
        });

        var pretrade = new PreTrade.PreTradeClient(channel);
        var traders = ids.Where(i => i % 5 != 0).ToArray();
        await Task.WhenAll(Enumerable.Range(0, Streams).Select(s => Fills(pretrade, engine, traders.Where((_, k) => k % Streams == s).ToArray(), log)));
    }

    private static async Task Fills(PreTrade.PreTradeClient client, Metadata engine, int[] ids, TextWriter log)
    {
        using var call = client.Stream(engine);
        using var window = new SemaphoreSlim(Window);
        var failures = 0;
        var reader = Task.Run(async () =>
        {
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
            {
                if (reply.BodyCase == GridMessage.BodyOneofCase.Error)
                {
                    Interlocked.Increment(ref failures);
                }

                window.Release();
            }
        });
        ulong correlation = 0;
        foreach (var i in ids)
        {
            await window.WaitAsync();
            var btc = i % 2 == 0;
            var price = btc ? 60_000m : 3_000m;
            var qty = decimal.Round(Equity(i) * (0.5m + i % 6 * 0.5m) / price, 3);
            await call.RequestStream.WriteAsync(new EngineMessage
            {
                CorrelationId = ++correlation,
                Filled = new OrderFilled
                {
                    AccountId = Id(i), ClientOrderId = "seed", TradeId = "seed", InstrumentId = btc ? "BTC-PERP" : "ETH-PERP",
                    Side = i % 3 == 0 ? Side.Sell : Side.Buy, Qty = Dec(qty), Price = Dec(price), Fee = Dec(0),
                },
            });
        }

        await call.RequestStream.CompleteAsync();
        await reader;
        if (failures > 0)
        {
            log.WriteLine($"  {failures:N0} fill(s) refused on one stream");
        }
    }

    private static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"house-{i:D7}");

    private static decimal Equity(int i) => 20_000 + i % 9 * 10_000;

    private static Grid.Api.V1.Decimal Dec(decimal value)
    {
        var units = decimal.Truncate(value);
        return new Grid.Api.V1.Decimal { Units = (long)units, Nanos = (int)((value - units) * 1_000_000_000m) };
    }
}

using System.Globalization;
using Grid.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Grid.HouseLoad;

/// <summary>
/// Seeds issue 16's resident account through the public API: a USDT deposit (Accounts.Deposit, admin),
/// then on PreTrade.Stream (engine) a check and its fill (one BTC-PERP long of 1 at 60,000) and five
/// resting bids of 0.1 (five checks). Account i is seeded through silo i mod n, so its grain and its
/// monitor replica live there (accounts are placed where their traffic lands). Idempotent: request,
/// order and trade ids depend on the account.
/// </summary>
internal static class RestingSeeder
{
    private const int Parallelism = 48;
    private const int StreamsPerSilo = 2;
    private const int Window = 256;

    public static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"rest-{i:D7}");

    /// <summary>Seeds accounts <paramref name="first"/>… with <paramref name="deposit"/> USDT each; returns the refusals counted.</summary>
    public static async Task<int> Seed(GrpcChannel[] silos, Metadata admin, Metadata engine, int first, int count, decimal deposit, TextWriter log)
    {
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
        {
            var accounts = new Accounts.AccountsClient(silos[i % silos.Length]);
            await accounts.DepositAsync(new DepositRequest { AccountId = Id(i), Asset = "USDT", Amount = Money.Dec(deposit), RequestId = "rest-fund" }, admin, cancellationToken: ct);
            if (Interlocked.Increment(ref done) % 50_000 == 0)
            {
                log.WriteLine($"  deposits: {done:N0}");
            }
        });

        var streams = new List<Task<int>>();
        for (var s = 0; s < silos.Length; s++)
        {
            for (var k = 0; k < StreamsPerSilo; k++)
            {
                var (silo, lane) = (s, k);
                var ids = Enumerable.Range(first, count).Where(i => i % silos.Length == silo && i / silos.Length % StreamsPerSilo == lane).ToArray();
                streams.Add(Orders(new PreTrade.PreTradeClient(silos[silo]), engine, ids));
            }
        }

        var refused = await Task.WhenAll(streams);
        return refused.Sum();
    }

    private static async Task<int> Orders(PreTrade.PreTradeClient client, Metadata engine, int[] ids)
    {
        using var call = client.Stream(engine);
        using var window = new SemaphoreSlim(Window);
        var refused = 0;
        var reader = Task.Run(async () =>
        {
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
            {
                if (reply.BodyCase == GridMessage.BodyOneofCase.Error
                    || reply.BodyCase == GridMessage.BodyOneofCase.Decision && reply.Decision.Decision is not (Decision.Accept or Decision.AcceptRiskReducing))
                {
                    Interlocked.Increment(ref refused);
                }

                window.Release();
            }
        });
        ulong correlation = 0;
        foreach (var i in ids)
        {
            var id = Id(i);
            foreach (var message in Messages(id))
            {
                await window.WaitAsync();
                message.CorrelationId = ++correlation;
                await call.RequestStream.WriteAsync(message);
            }
        }

        await call.RequestStream.CompleteAsync();
        await reader;
        return refused;
    }

    private static IEnumerable<EngineMessage> Messages(string id)
    {
        yield return new EngineMessage { Check = Check(id, "p", 1m, 60_000m) };
        yield return new EngineMessage
        {
            Filled = new OrderFilled { AccountId = id, ClientOrderId = "p", TradeId = "t", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = Money.Dec(1m), Price = Money.Dec(60_000m), Fee = Money.Dec(0) },
        };
        for (var o = 0; o < 5; o++)
        {
            yield return new EngineMessage { Check = Check(id, $"o{o}", 0.1m, 59_000m - 100m * o) };
        }
    }

    private static CheckOrder Check(string id, string order, decimal qty, decimal price) => new()
    {
        AccountId = id, ClientOrderId = order, InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = Money.Dec(qty), Price = Money.Dec(price),
    };
}

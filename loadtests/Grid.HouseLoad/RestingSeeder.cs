using System.Globalization;
using System.Threading.Channels;
using Grid.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Grid.HouseLoad;

/// <summary>
/// Seeds issue 16's resident account through the public API: a USDT deposit (Accounts.Deposit, admin),
/// then on PreTrade.Stream (engine) a check and its fill (one BTC-PERP long of 1 at 60,000) and five
/// resting bids of 0.1 (five checks). Account i is seeded through silo i mod n, so its grain and its
/// monitor replica live there (accounts are placed where their traffic lands). Idempotent: request,
/// order and trade ids depend on the account, so a run stopped part-way can be run again.
/// </summary>
/// <remarks>
/// Pipelined per account (docs/scaling.md, "Seeding"): each lane (one PreTrade stream of one silo) keeps
/// deposits in flight and writes an account's seven messages as soon as its deposit returns, while its
/// grain is still active. Depositing every account first and streaming afterwards activated each grain
/// twice once seeding outlasted the idle deactivation (the second time reading its record back from
/// Redis and claiming it again), and held the deposits to one 48-wide phase the streams could not overlap.
/// </remarks>
internal static class RestingSeeder
{
    private const int MessagesPerAccount = 7;

    public static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"rest-{i:D7}");

    /// <summary>Seeds accounts <paramref name="first"/>… with <paramref name="deposit"/> USDT each; returns the refusals counted.</summary>
    public static async Task<int> Seed(GrpcChannel[] silos, Metadata admin, Metadata engine, int first, int count, decimal deposit, SeedShape shape, TextWriter log)
    {
        var progress = new SeedProgress(count, MessagesPerAccount, log);
        var lanes = new List<Task<int>>();
        for (var s = 0; s < silos.Length; s++)
        {
            for (var k = 0; k < shape.StreamsPerSilo; k++)
            {
                var (silo, lane, n) = (s, k, silos.Length);
                var ids = Enumerable.Range(first, count).Where(i => i % n == silo && i / n % shape.StreamsPerSilo == lane);
                lanes.Add(Lane(silos[silo], admin, engine, ids, deposit, shape, progress));
            }
        }

        var refused = await Task.WhenAll(lanes);
        progress.Done();
        return refused.Sum();
    }

    private static async Task<int> Lane(GrpcChannel silo, Metadata admin, Metadata engine, IEnumerable<int> ids, decimal deposit, SeedShape shape, SeedProgress progress)
    {
        using var call = new PreTrade.PreTradeClient(silo).Stream(engine);
        using var window = new SemaphoreSlim(shape.Window);
        var funded = Channel.CreateBounded<int>(shape.DepositsPerStream * 2);
        var depositing = Deposits(new Accounts.AccountsClient(silo), admin, ids, deposit, shape.DepositsPerStream, funded.Writer);
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

                progress.Replied();
                window.Release();
            }
        });

        // An account's messages go out together, flushed once at its last (gRPC's buffer hint on the others).
        var buffered = new WriteOptions(WriteFlags.BufferHint);
        ulong correlation = 0;
        await foreach (var i in funded.Reader.ReadAllAsync())
        {
            var id = Id(i);
            var m = 0;
            foreach (var message in Messages(id))
            {
                await window.WaitAsync();
                message.CorrelationId = ++correlation;
                call.RequestStream.WriteOptions = ++m < MessagesPerAccount ? buffered : null;
                await call.RequestStream.WriteAsync(message);
            }
        }

        await depositing;
        await call.RequestStream.CompleteAsync();
        await reader;
        return refused;
    }

    /// <summary>Deposits for the lane's accounts, <paramref name="inFlight"/> at a time, each account handed on once funded.</summary>
    private static async Task Deposits(Accounts.AccountsClient accounts, Metadata admin, IEnumerable<int> ids, decimal deposit, int inFlight, ChannelWriter<int> funded)
    {
        try
        {
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, ct) =>
            {
                var request = new DepositRequest { AccountId = Id(i), Asset = "USDT", Amount = Money.Dec(deposit), RequestId = "rest-fund" };
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await accounts.DepositAsync(request, admin, deadline: DateTime.UtcNow.AddMinutes(1), cancellationToken: ct);
                        break;
                    }
                    catch (RpcException e) when (attempt < 5 && e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
                    {
                        // Retriable (accounts.proto) and idempotent on the request id: a repeat credits nothing twice.
                        await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
                    }
                }

                await funded.WriteAsync(i, ct);
            });
            funded.Complete();
        }
        catch (Exception e)
        {
            funded.Complete(e);
            throw;
        }
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

using Grid.Api.V1;
using static Grid.Console.Tests.Infrastructure.Wire;

namespace Grid.Console.Tests.Infrastructure;

/// <summary>
/// A matching engine's pre-trade stream sending a steady mix of checks: an order that passes (then
/// cancelled, so nothing stays reserved), one too large for the account's margin and one from the
/// demo account in margin call, which only reducing orders pass.
/// </summary>
internal static class EngineTraffic
{
    /// <summary>The account funded for the traffic.</summary>
    public const string Account = "console-checks";

    /// <summary>Checks one BTC-PERP order that rests when accepted; returns the decision.</summary>
    public static async Task<Decision> Place(HostProcess host, string account, string order, Side side, decimal qty, decimal price)
    {
        using var call = new PreTrade.PreTradeClient(host.Engine).Stream();
        await call.RequestStream.WriteAsync(new EngineMessage
        {
            CorrelationId = 1,
            Check = new CheckOrder { AccountId = account, ClientOrderId = order, InstrumentId = "BTC-PERP", Side = side, Qty = Dec(qty), Price = Dec(price) },
        });
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (call.ResponseStream.Current.CorrelationId == 1)
            {
                await call.RequestStream.CompleteAsync();
                return call.ResponseStream.Current.Decision.Decision;
            }
        }

        throw new InvalidOperationException("the pre-trade stream ended");
    }

    /// <summary>Sends rounds for <paramref name="duration"/>; returns (checks, rejects) answered.</summary>
    public static async Task<(int Checks, int Rejects)> Run(HostProcess host, TimeSpan duration)
    {
        await new Accounts.AccountsClient(host.Admin).DepositAsync(new DepositRequest
        {
            AccountId = Account, Asset = "USD", Amount = Dec(250_000), RequestId = $"fund-{Account}",
        });
        using var call = new PreTrade.PreTradeClient(host.Engine).Stream();
        ulong id = 0;
        int checks = 0, rejects = 0;

        async Task<GridMessage> Send(EngineMessage message)
        {
            message.CorrelationId = ++id;
            await call.RequestStream.WriteAsync(message);
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                if (call.ResponseStream.Current.CorrelationId == message.CorrelationId)
                {
                    return call.ResponseStream.Current;
                }
            }

            throw new InvalidOperationException("the pre-trade stream ended");
        }

        async Task Check(string account, string order, decimal qty)
        {
            var reply = await Send(new EngineMessage
            {
                Check = new CheckOrder { AccountId = account, ClientOrderId = order, InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = Dec(qty), Price = Dec(60_000) },
            });
            checks++;
            if (reply.Decision.Decision == Decision.Reject)
            {
                rejects++;
            }
            else
            {
                await Send(new EngineMessage { Canceled = new OrderCanceled { AccountId = account, ClientOrderId = order } });
            }
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var end = DateTime.UtcNow + duration;
        for (var round = 0; DateTime.UtcNow < end; round++)
        {
            await Check(Account, $"{run}-ok-{round}", 0.5m);
            await Check(Account, $"{run}-big-{round}", 500m);
            if (round % 3 == 0)
            {
                await Check("demo-margin-call", $"{run}-mc-{round}", 1m);
            }

            await Task.Delay(15);
        }

        await call.RequestStream.CompleteAsync();
        return (checks, rejects);
    }
}

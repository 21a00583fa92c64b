using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Risk.Accounts;

namespace Grid.HopCosts.Resident;

/// <summary>
/// Issue 16's resident account, made through the account grain's public calls: funded (one deposit), one
/// position (a check, then its fill) and five resting orders (five checks). Its idempotency windows then
/// hold what such an account's history leaves: six checks, one trade, one deposit.
/// </summary>
internal static class ResidentShape
{
    public const string Venue = "grid-dev-engine";

    /// <summary>Collateral deposited (USDT): 1 BTC-PERP long at 60,000 plus five bids of 0.1.</summary>
    public const decimal Deposit = 20_000m;

    /// <summary>Brings account <paramref name="id"/> to the shape; returns the first refusal, or null.</summary>
    public static async Task<string?> Make(IAccountGrain account, string id, decimal deposit = Deposit)
    {
        var funded = await account.Deposit($"fund-{id}", "USDT", deposit);
        if (!funded.Accepted)
        {
            return $"{id}: deposit {funded.Reason}";
        }

        var position = await account.Execute(
        [
            new EngineCommand { CorrelationId = 1, Kind = CommandKind.Check, ClientOrderId = $"{id}-p", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = 1m, Price = 60_000m, Venue = Venue },
            new EngineCommand { CorrelationId = 2, Kind = CommandKind.Fill, ClientOrderId = $"{id}-p", TradeId = $"{id}-t", Qty = 1m, Price = 60_000m, Venue = Venue },
        ]);
        var resting = new EngineCommand[5];
        for (var o = 0; o < resting.Length; o++)
        {
            resting[o] = new EngineCommand
            {
                CorrelationId = (ulong)(3 + o), Kind = CommandKind.Check, ClientOrderId = $"{id}-o{o}", InstrumentId = "BTC-PERP", Side = Side.Buy,
                Qty = 0.1m, Price = 59_000m - 100m * o, Venue = Venue,
            };
        }

        var orders = await account.Execute(resting);
        foreach (var reply in (EngineReply[])[.. position, .. orders])
        {
            if (reply.Kind == ReplyKind.Error || reply.Decision == Grid.Risk.Decisions.Decision.Reject)
            {
                return $"{id}: {reply}";
            }
        }

        return null;
    }
}

using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Risk.Accounts;

namespace Grid.Grains.Tests;

/// <summary>Short-hands for engine commands.</summary>
internal static class Commands
{
    public static EngineCommand Check(string id, string instrument, Side side, decimal qty, decimal price, bool reduceOnly = false)
        => new() { Kind = CommandKind.Check, ClientOrderId = id, InstrumentId = instrument, Side = side, Qty = qty, Price = price, ReduceOnly = reduceOnly };

    public static EngineCommand Fill(string id, string trade, decimal qty, decimal price, string instrument = "", Side side = 0)
        => new() { Kind = CommandKind.Fill, ClientOrderId = id, TradeId = trade, Qty = qty, Price = price, InstrumentId = instrument, Side = side };

    public static EngineCommand Cancel(string id, decimal qty = 0) => new() { Kind = CommandKind.Cancel, ClientOrderId = id, Qty = qty };

    public static EngineCommand Amend(string id, decimal qty, decimal price) => new() { Kind = CommandKind.Amend, ClientOrderId = id, Qty = qty, Price = price };

    public static async Task<EngineReply> One(this IAccountGrain account, EngineCommand command) => (await account.Execute([command]))[0];

    /// <summary>A batch through a local activation's entry, as the gateway's lane sends it: the replies, or null when declined.</summary>
    public static async Task<EngineReply[]?> Run(this ILocalAccount entry, EngineCommand[] commands)
    {
        var replies = new EngineReply[commands.Length];
        return await entry.Execute(commands, replies) ? replies : null;
    }

    public static async Task<IAccountGrain> Funded(this IClusterClient client, string id, decimal usd)
    {
        var account = client.GetGrain<IAccountGrain>(id);
        await account.Deposit($"fund-{id}", "USD", usd);
        return account;
    }
}

using Grid.Abstractions.Engine;
using Grid.Gateway.PreTrade;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Fakes;

/// <summary>Builders of engine messages, commands and replies for the tests.</summary>
internal static class Engine
{
    public static EngineCommand Command(ulong id, string clientOrderId = "o") => new()
    {
        CorrelationId = id,
        Kind = CommandKind.Check,
        ClientOrderId = clientOrderId,
        InstrumentId = "BTC-PERP",
        Side = Side.Buy,
        Qty = 1,
        Price = 100,
    };

    /// <summary>
    /// An executor made of a function of whole arrays: it gets a copy of the batch, and its replies are copied into
    /// the lane's buffer when there is one per command (else the lane sees them missing).
    /// </summary>
    public static ApplyBatch Arrays(Func<string, EngineCommand[], ValueTask<EngineReply[]>> execute)
        => async (account, commands, replies) =>
        {
            var answered = await execute(account, commands.ToArray());
            if (answered.Length == replies.Length)
            {
                answered.CopyTo(replies);
            }
        };

    /// <summary>An accepting decision for each command, in order.</summary>
    public static EngineReply[] Accept(EngineCommand[] commands)
        => [.. commands.Select(c => new EngineReply
        {
            CorrelationId = c.CorrelationId,
            Kind = ReplyKind.Decision,
            Command = c.Kind,
            ClientOrderId = c.ClientOrderId,
            Decision = Decision.Accept,
            State = AccountState.Ok,
        })];

    public static Wire.Decimal Dec(long units, int nanos = 0) => new() { Units = units, Nanos = nanos };

    public static Wire.CheckOrder Check(string account = "acc-1", string clientOrderId = "ord-1") => new()
    {
        AccountId = account,
        ClientOrderId = clientOrderId,
        InstrumentId = "BTC-PERP",
        Side = Wire.Side.Buy,
        Qty = Dec(2),
        Price = Dec(50_000, 500_000_000),
        ReduceOnly = false,
    };

    public static Wire.EngineMessage Message(ulong id, Wire.CheckOrder check) => new() { CorrelationId = id, Check = check };

    public static Wire.OrderFilled Fill() => new()
    {
        AccountId = "acc-1",
        ClientOrderId = "ord-1",
        TradeId = "t-1",
        InstrumentId = "BTC-PERP",
        Side = Wire.Side.Sell,
        Qty = Dec(1),
        Price = Dec(50_000),
        Fee = Dec(0, -250_000_000),
    };
}

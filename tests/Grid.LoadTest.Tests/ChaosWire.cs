using Grid.Api.V1;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Tests;

/// <summary>Engine messages, replies and portfolios for the ledger and reconciliation tests.</summary>
internal static class ChaosWire
{
    public const string Account = "acct";
    public const decimal Deposit = 1_000_000m;

    public static EngineMessage Check(string order, Side side, decimal qty, decimal price = 100m) => new()
    {
        Check = new CheckOrder { AccountId = Account, ClientOrderId = order, InstrumentId = "BTC-PERP", Side = side, Qty = WireDecimals.From(qty), Price = WireDecimals.From(price) },
    };

    public static EngineMessage Fill(string order, string trade, Side side, decimal qty, decimal price) => new()
    {
        Filled = new OrderFilled { AccountId = Account, ClientOrderId = order, TradeId = trade, InstrumentId = "BTC-PERP", Side = side, Qty = WireDecimals.From(qty), Price = WireDecimals.From(price) },
    };

    public static EngineMessage Cancel(string order) => new() { Canceled = new OrderCanceled { AccountId = Account, ClientOrderId = order } };

    public static GridMessage Accepted(bool replayed = false) => new() { Decision = new OrderDecision { Decision = Decision.Accept, Replayed = replayed } };

    public static GridMessage Rejected() => new() { Decision = new OrderDecision { Decision = Decision.Reject } };

    public static GridMessage Ack(bool duplicate = false) => new() { Ack = new Ack { Duplicate = duplicate } };

    public static GridMessage Error(ErrorCode code) => new() { Error = new ErrorDetail { Code = code } };

    public static Portfolio Portfolio(decimal usdt, params (string Instrument, decimal Qty, decimal Entry)[] positions)
    {
        var p = new Portfolio { AccountId = Account };
        p.Balances.Add(new CollateralLine { Asset = "USD", Balance = WireDecimals.From(Deposit) });
        if (usdt != 0)
        {
            p.Balances.Add(new CollateralLine { Asset = "USDT", Balance = WireDecimals.From(usdt) });
        }

        foreach (var (instrument, qty, entry) in positions)
        {
            p.Positions.Add(new Position { InstrumentId = instrument, Qty = WireDecimals.From(qty), EntryPrice = WireDecimals.From(entry) });
        }

        return p;
    }

    public static Portfolio Resting(this Portfolio portfolio, string order, decimal remaining)
    {
        portfolio.Orders.Add(new Reservation { AccountId = Account, ClientOrderId = order, InstrumentId = "BTC-PERP", RemainingQty = WireDecimals.From(remaining) });
        return portfolio;
    }
}

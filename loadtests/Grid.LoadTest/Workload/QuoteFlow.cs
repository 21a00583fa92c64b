using Grid.Api.V1;
using Grid.LoadTest.Market;

namespace Grid.LoadTest.Workload;

/// <summary>
/// The quotes of one engine's market makers: new orders on a random option of the book, a bid 0.5–3 %
/// under its current mark or an ask as far over it (1–3 contracts), cancels and partial fills of the
/// quotes the grid accepted, in the run's mix. The seeded book (positions and 50 resting quotes) is not
/// touched. Called by <see cref="OrderFlow"/> under its lock.
/// </summary>
public sealed class QuoteFlow
{
    private const int MaxResting = 30;

    private readonly EngineAccount[] _makers;
    private readonly LiveMarket _market;
    private readonly OrderMix _mix;
    private readonly string _idPrefix;
    private readonly Random _random;
    private long _sequence;

    /// <param name="makers">This engine's market-maker accounts (positions indexed like the book's options).</param>
    /// <param name="market">The generator's market: the book's options and their marks.</param>
    /// <param name="mix">Weights of new quotes, cancels and fills.</param>
    /// <param name="share">Share of the engine's messages that are quotes.</param>
    /// <param name="idPrefix">Prefix of client order and trade ids, unique per run and stream.</param>
    /// <param name="seed">Seed of the random choices.</param>
    public QuoteFlow(EngineAccount[] makers, LiveMarket market, OrderMix mix, double share, string idPrefix, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfZero(makers.Length);
        _makers = makers;
        _market = market;
        _mix = mix;
        Share = share;
        _idPrefix = idPrefix;
        _random = new Random(seed);
    }

    /// <summary>Share of the engine's messages that are quotes.</summary>
    public double Share { get; }

    /// <summary>The next quote message, as <see cref="OrderFlow.Next"/>.</summary>
    public void Next(EngineMessage message, out MessageKind kind, out EngineAccount account, out EngineOrder? order)
    {
        account = _makers[_random.Next(_makers.Length)];
        var draw = _random.NextDouble() * (_mix.New + _mix.Cancel + _mix.Fill);
        kind = draw < _mix.New ? MessageKind.New : draw < _mix.New + _mix.Cancel ? MessageKind.Cancel : MessageKind.Fill;
        if (kind != MessageKind.New && account.Resting.Count == 0)
        {
            kind = MessageKind.New;
        }
        else if (kind == MessageKind.New && account.Open >= MaxResting && account.Resting.Count > 0)
        {
            kind = MessageKind.Cancel;
        }

        order = kind switch
        {
            MessageKind.Cancel => Cancel(account, message),
            MessageKind.Fill => Fill(account, message),
            _ => Quote(account, message),
        };
    }

    /// <summary>Cancels of every quote this flow left resting.</summary>
    public void CancelAll(List<EngineMessage> cancels)
    {
        foreach (var account in _makers)
        {
            cancels.AddRange(account.Resting.Select(o => new EngineMessage { Canceled = new OrderCanceled { AccountId = account.Id, ClientOrderId = o.ClientOrderId } }));
            account.Resting.Clear();
        }
    }

    private EngineOrder Quote(EngineAccount account, EngineMessage message)
    {
        var k = _random.Next(_market.BookOptions.Count);
        var option = _market.BookOptions[k];
        var side = _random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var mark = _market.Walk.OptionMark(option, DateTimeOffset.UtcNow);
        var offset = 0.005 + _random.NextDouble() * 0.025;
        var price = Math.Max(0.1m, Math.Round((decimal)(mark * (side == Side.Buy ? 1 - offset : 1 + offset)), 1));
        var qty = (decimal)_random.Next(1, 4);
        var order = new EngineOrder($"{_idPrefix}q{++_sequence}", k, side, price) { Remaining = qty };
        account.Pending++;
        message.Check = new CheckOrder
        {
            AccountId = account.Id,
            ClientOrderId = order.ClientOrderId,
            InstrumentId = _market.Walk.Options[option].Id,
            Side = side,
            Qty = WireDecimals.From(qty),
            Price = WireDecimals.From(price),
        };
        return order;
    }

    private EngineOrder Cancel(EngineAccount account, EngineMessage message)
    {
        var order = Take(account, _random.Next(account.Resting.Count));
        message.Canceled = new OrderCanceled { AccountId = account.Id, ClientOrderId = order.ClientOrderId };
        return order;
    }

    private EngineOrder Fill(EngineAccount account, EngineMessage message)
    {
        var k = _random.Next(account.Resting.Count);
        var order = account.Resting[k];
        var qty = order.Remaining >= 2 ? 1m : order.Remaining;
        order.Remaining -= qty;
        if (order.Remaining <= 0)
        {
            Take(account, k);
        }

        account.Positions[order.Instrument] += order.Side == Side.Buy ? qty : -qty;
        message.Filled = new OrderFilled
        {
            AccountId = account.Id,
            ClientOrderId = order.ClientOrderId,
            TradeId = $"{_idPrefix}u{++_sequence}",
            InstrumentId = _market.Walk.Options[_market.BookOptions[order.Instrument]].Id,
            Side = order.Side,
            Qty = WireDecimals.From(qty),
            Price = WireDecimals.From(order.Price),
            Fee = WireDecimals.From(0m),
        };
        return order;
    }

    private static EngineOrder Take(EngineAccount account, int k)
    {
        var order = account.Resting[k];
        account.Resting[k] = account.Resting[^1];
        account.Resting.RemoveAt(account.Resting.Count - 1);
        return order;
    }
}

using Grid.Api.V1;

namespace Grid.LoadTest.Workload;

/// <summary>
/// The order flow of one simulated matching engine over its own accounts: new orders near the
/// reference price (a share of them risk-reducing), full cancels and partial fills of the orders the
/// grid accepted, each fill with a unique trade id. The sender asks for the next message; the reader
/// reports each decision back, so only accepted orders are later filled or cancelled. Both sides
/// lock the flow (they run on different threads, rarely at the same instant).
/// </summary>
public sealed class OrderFlow
{
    private readonly EngineAccount[] _accounts;
    private readonly IReadOnlyList<TradedInstrument> _instruments;
    private readonly OrderMix _mix;
    private readonly int _maxResting;
    private readonly string _idPrefix;
    private readonly Random _random;
    private readonly QuoteFlow? _quotes;
    private readonly Lock _gate = new();
    private long _sequence;

    /// <param name="accounts">The accounts this engine trades for (no other engine touches them).</param>
    /// <param name="instruments">The instruments traded.</param>
    /// <param name="mix">The order mix.</param>
    /// <param name="maxResting">Open orders per account beyond which a new order becomes a cancel.</param>
    /// <param name="idPrefix">Prefix of client order and trade ids, unique per run and stream.</param>
    /// <param name="seed">Seed of the random choices.</param>
    /// <param name="quotes">This engine's market makers' quotes, which take their share of the messages; null for none.</param>
    public OrderFlow(EngineAccount[] accounts, IReadOnlyList<TradedInstrument> instruments, OrderMix mix, int maxResting, string idPrefix, int seed, QuoteFlow? quotes = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(accounts.Length);
        ArgumentOutOfRangeException.ThrowIfZero(instruments.Count);
        _accounts = accounts;
        _instruments = instruments;
        _mix = mix;
        _maxResting = maxResting;
        _idPrefix = idPrefix;
        _random = new Random(seed);
        _quotes = quotes;
    }

    /// <summary>The next message, with what it is and whom it concerns, for the reply.</summary>
    public EngineMessage Next(ulong correlationId, out MessageKind kind, out EngineAccount account, out EngineOrder? order)
    {
        lock (_gate)
        {
            if (_quotes is not null && _random.NextDouble() < _quotes.Share)
            {
                var quote = new EngineMessage { CorrelationId = correlationId };
                _quotes.Next(quote, out kind, out account, out order);
                return quote;
            }

            account = _accounts[_random.Next(_accounts.Length)];
            var total = _mix.New + _mix.Cancel + _mix.Fill;
            var draw = _random.NextDouble() * total;
            kind = draw < _mix.New ? MessageKind.New : draw < _mix.New + _mix.Cancel ? MessageKind.Cancel : MessageKind.Fill;
            if (kind != MessageKind.New && account.Resting.Count == 0)
            {
                kind = MessageKind.New;
            }
            else if (kind == MessageKind.New && account.Open >= _maxResting && account.Resting.Count > 0)
            {
                kind = MessageKind.Cancel;
            }

            var message = new EngineMessage { CorrelationId = correlationId };
            order = kind switch
            {
                MessageKind.Cancel => Cancel(account, message),
                MessageKind.Fill => Fill(account, message),
                _ => Check(account, message, ref kind),
            };
            return message;
        }
    }

    /// <summary>Takes the reply to a message built by <see cref="Next"/>: an accepted order starts resting.</summary>
    public void OnReply(MessageKind kind, EngineAccount account, EngineOrder? order, GridMessage reply)
    {
        if (kind is not (MessageKind.New or MessageKind.NewReducing) || order is null)
        {
            return;
        }

        lock (_gate)
        {
            account.Pending--;
            if (reply.BodyCase == GridMessage.BodyOneofCase.Decision && reply.Decision.Decision is Decision.Accept or Decision.AcceptRiskReducing)
            {
                account.Resting.Add(order);
            }
        }
    }

    /// <summary>Cancels for every order still resting, to leave the grid as the run found it.</summary>
    public List<EngineMessage> CancelAll()
    {
        lock (_gate)
        {
            var cancels = new List<EngineMessage>();
            foreach (var account in _accounts)
            {
                foreach (var order in account.Resting)
                {
                    cancels.Add(new EngineMessage { Canceled = new OrderCanceled { AccountId = account.Id, ClientOrderId = order.ClientOrderId } });
                }

                account.Resting.Clear();
            }

            _quotes?.CancelAll(cancels);
            return cancels;
        }
    }

    private EngineOrder Check(EngineAccount account, EngineMessage message, ref MessageKind kind)
    {
        var i = _random.Next(_instruments.Count);
        var instrument = _instruments[i];
        var held = account.Positions[i];
        var lots = _random.Next(1, 21);
        Side side;
        decimal qty;
        if (held != 0 && _random.NextDouble() < _mix.Reducing)
        {
            kind = MessageKind.NewReducing;
            side = held > 0 ? Side.Sell : Side.Buy;
            qty = Math.Min(Math.Abs(held), lots * instrument.Lot);
        }
        else
        {
            side = _random.Next(2) == 0 ? Side.Buy : Side.Sell;
            qty = lots * instrument.Lot;
        }

        // Passive limit prices: bids below the reference, asks above, within the spread.
        var offset = (decimal)_random.NextDouble() * instrument.Spread * instrument.Reference;
        var price = instrument.Reference + (side == Side.Buy ? -offset : offset);
        price = Math.Max(instrument.Tick, decimal.Round(price / instrument.Tick) * instrument.Tick);
        var order = new EngineOrder($"{_idPrefix}o{++_sequence}", i, side, price) { Remaining = qty };
        account.Pending++;
        message.Check = new CheckOrder
        {
            AccountId = account.Id,
            ClientOrderId = order.ClientOrderId,
            InstrumentId = instrument.Id,
            Side = side,
            Qty = WireDecimals.From(qty),
            Price = WireDecimals.From(price),
        };
        return order;
    }

    private EngineOrder Cancel(EngineAccount account, EngineMessage message)
    {
        var order = TakeResting(account, _random.Next(account.Resting.Count));
        message.Canceled = new OrderCanceled { AccountId = account.Id, ClientOrderId = order.ClientOrderId };
        return order;
    }

    private EngineOrder Fill(EngineAccount account, EngineMessage message)
    {
        var k = _random.Next(account.Resting.Count);
        var order = account.Resting[k];
        var instrument = _instruments[order.Instrument];
        var lots = decimal.Floor(order.Remaining / instrument.Lot);
        var qty = lots >= 2 ? decimal.Floor(lots / 2) * instrument.Lot : order.Remaining;
        order.Remaining -= qty;
        if (order.Remaining <= 0)
        {
            TakeResting(account, k);
        }

        account.Positions[order.Instrument] += order.Side == Side.Buy ? qty : -qty;
        message.Filled = new OrderFilled
        {
            AccountId = account.Id,
            ClientOrderId = order.ClientOrderId,
            TradeId = $"{_idPrefix}t{++_sequence}",
            InstrumentId = instrument.Id,
            Side = order.Side,
            Qty = WireDecimals.From(qty),
            Price = WireDecimals.From(order.Price),
            Fee = WireDecimals.From(0m),
        };
        return order;
    }

    private static EngineOrder TakeResting(EngineAccount account, int k)
    {
        var order = account.Resting[k];
        var last = account.Resting.Count - 1;
        account.Resting[k] = account.Resting[last];
        account.Resting.RemoveAt(last);
        return order;
    }
}

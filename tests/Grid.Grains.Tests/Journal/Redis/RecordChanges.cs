using Grid.Grains.Accounts;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;

namespace Grid.Grains.Tests.Journal.Redis;

/// <summary>Random changes of the kinds a grain writes (balances, positions, orders, memos, scalars), and a description of every stored field in order.</summary>
internal sealed class RecordChanges(AccountRecord record, int seed)
{
    private readonly Random _random = new(seed);
    private RecentWindow<CheckMemo> _checks = new(record.RecentChecks, m => m.OrderIdHash, 128);
    private int _next;

    public void Apply()
    {
        switch (_random.Next(6))
        {
            case 0:
                record.Balances[$"A{_random.Next(4)}"] = _random.Next(-1_000, 1_000) / 100m;
                break;
            case 1:
                record.Positions[$"I{_random.Next(4)}"] = new PositionRecord { Qty = _random.Next(1, 9), Entry = _random.Next(100, 200) / 10m };
                break;
            case 2:
                record.Positions.Remove($"I{_random.Next(4)}");
                break;
            case 3:
                record.Orders.Add(new OrderRecord { ClientOrderId = $"o{_next++}", InstrumentId = "I0", Side = Side.Buy, Qty = 1.5m, Price = _random.Next(1, 99) });
                break;
            case 4 when record.Orders.Count > 0:
                record.Orders.RemoveAt(_random.Next(record.Orders.Count));
                break;
            default:
                record.Frozen = !record.Frozen;
                break;
        }

        _checks.Add(new CheckMemo((ulong)_random.NextInt64(), Decision.Accept, RejectReason.None, 0));
        record.Version++;
    }

    // Every stored field in order; decimals keep their scale ("1.50" is not "1.5"). The serializer's bytes are no
    // measure: it writes a string seen twice in one record as a reference, and a copy holds equal strings apart.
    public static string Describe(AccountRecord r)
    {
        var text = new System.Text.StringBuilder();
        text.Append($"{r.Version}|{r.Regime}|{r.Frozen}|{r.FrozenReason}|{r.LastState}\n");
        foreach (var (k, v) in r.Balances)
        {
            text.Append($"b {k}={v}\n");
        }

        foreach (var (k, p) in r.Positions)
        {
            text.Append($"p {k}={p.Qty},{p.Entry},{p.Funding}\n");
        }

        foreach (var o in r.Orders)
        {
            text.Append($"o {o.ClientOrderId},{o.InstrumentId},{o.Side},{o.Qty},{o.Price},{o.ReservedAt:O},{o.ReduceOnly},{o.Venue}\n");
        }

        text.AppendJoin(',', r.RecentChecks).Append('\n').AppendJoin(',', r.RecentTrades).Append('\n');
        text.AppendJoin(',', r.RecentRequests).Append('\n').AppendJoin(',', r.RecentFunding).Append('\n');
        return text.ToString();
    }
}

using Grid.Grains.Accounts;

namespace Grid.Grains.Journal;

/// <summary>
/// The changed stretch of the resting orders: from <see cref="Start"/>, <see cref="Removed"/> orders
/// give way to <see cref="Inserted"/> (an order added at the end, one cancelled or filled in the middle,
/// a partial fill that changed one order's quantity: each is a splice of one or two orders).
/// </summary>
[GenerateSerializer, Alias("grid.OrderSplice")]
public sealed class OrderSplice
{
    [Id(0)] public int Start { get; set; }
    [Id(1)] public int Removed { get; set; }
    [Id(3)] public List<OrderRecord> Inserted { get; set; } = [];

    /// <summary>Id 2: the orders of the serializer's entries written before the order became a value (issue 14); read, never written.</summary>
    [Id(2)]
    public List<LegacyOrderRecord>? LegacyInserted
    {
        get => null;
        set => LegacyOrderRecord.AppendTo(Inserted, value);
    }

    public void ApplyTo(List<OrderRecord> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        orders.RemoveRange(Start, Removed);

        orders.InsertRange(Start, Inserted);
    }
}

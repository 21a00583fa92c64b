using System.Reflection;
using Grid.Abstractions.Engine;
using Grid.Grains.Accounts;
using Grid.Grains.Journal;
using Grid.Grains.Tests.Journal.Redis;
using Grid.Risk.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Grid.Grains.Tests.Journal;

/// <summary>
/// The journal's order diff compares the orders it wrote with the live ones (<see cref="WrittenImage"/>): a
/// partial fill, a partial cancel or a smaller amend made by the processor must reach the replayed record.
/// </summary>
[Collection(GridCluster.Name)]
public sealed class OrderChangeJournalTests(GridClusterFixture fixture)
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(AccountRecord).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void PartialFillCancelAndAmend_ByTheProcessor_AreWrittenAndReplayed()
    {
        var view = fixture.Views().First();
        var live = new AccountRecord();
        live.Balances["USD"] = 10_000_000;
        var processor = new AccountProcessor("journal-orders", live, () => view.Frame, new AccountOptions(), TimeProvider.System);
        var image = new WrittenImage();
        image.Reset(live);
        var replica = RoundTrip(live);

        // More than RestingOrderIndex.ScanLimit orders: the processor finds them through its set of ids.
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(ReplyKind.Decision, processor.Execute(Commands.Check($"o{i}", "BTC-PERP", Side.Buy, 2, 59_000 + i)).Kind);
        }

        Write(image, live, replica);

        var steps = new[]
        {
            Commands.Fill("o4", "t1", 0.5m, 59_004),
            Commands.Cancel("o7", 0.25m),
            Commands.Amend("o2", 1.5m, 59_002),
            Commands.Fill("o4", "t2", 0.5m, 59_004),
        };
        foreach (var step in steps)
        {
            Assert.NotEqual(ReplyKind.Error, processor.Execute(step).Kind);
            var entry = Write(image, live, replica);

            // One order changed: a splice of that one order, in its place, with its new quantity.
            Assert.NotNull(entry.Orders);
            Assert.Equal(1, entry.Orders.Removed);
            Assert.Equal(step.ClientOrderId, Assert.Single(entry.Orders.Inserted).ClientOrderId);
            Assert.Equal(RecordChanges.Describe(live), RecordChanges.Describe(replica));
        }

        Assert.Equal(1m, live.Orders.Single(o => o.ClientOrderId == "o4").Qty);
        Assert.Equal(1.75m, live.Orders.Single(o => o.ClientOrderId == "o7").Qty);
        Assert.Equal(1.5m, replica.Orders.Single(o => o.ClientOrderId == "o2").Qty);
        Assert.True(processor.Verify().Consistent);
    }

    [Fact]
    public void AnOrdersStoredFields_CannotBeChangedInPlace()
    {
        // A stored order changes only by a changed copy put in its place (OrderRecord.WithQty), never through a setter.
        var settable = typeof(OrderRecord).GetProperties()
            .Where(p => p.GetCustomAttribute<IdAttribute>() is not null)
            .Where(p => p.SetMethod is { } set && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            .Select(p => p.Name);
        Assert.Empty(settable);
    }

    private static JournalEntry Write(WrittenImage image, AccountRecord live, AccountRecord replica)
    {
        live.Version++;
        var entry = Serializer.Deserialize<JournalEntry>(Serializer.SerializeToArray(image.Changes(live)))!;
        entry.ApplyTo(replica);
        return entry;
    }

    private static AccountRecord RoundTrip(AccountRecord record) => Serializer.Deserialize<AccountRecord>(Serializer.SerializeToArray(record))!;
}

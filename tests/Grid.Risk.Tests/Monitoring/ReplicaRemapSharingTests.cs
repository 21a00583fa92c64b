using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Monitoring;
using Grid.Risk.Rulebooks;
using Grid.Risk.Tests.Stress;

namespace Grid.Risk.Tests.Monitoring;

/// <summary>
/// The monitor may re-index a replica into a newer layout (without the grain) while the grain takes the next
/// replica from it. The next replica shares the previous one's position and balance arrays only when their
/// content equals the book's, indexes included, read under the book's layout: whatever layout the previous
/// replica has moved to, what the new one holds is what a replica taken from scratch holds.
/// </summary>
public sealed class ReplicaRemapSharingTests
{
    [Fact]
    public void AfterARemapThatReordersInstruments_AChangeWhoseIndexesCoincide_ReadsTheBooksInstruments()
    {
        var model = StressHouse.Model();
        var reordered = Reversed(model);
        var btc = Index(model, "BTC-PERP");
        var btcReordered = Index(reordered, "BTC-PERP");
        Assert.NotEqual(btc, btcReordered);

        // The instrument the book's layout puts where the reordered layout puts BTC-PERP.
        var other = model.Instruments[btcReordered].Spec.Id;
        var book = Book(model, "BTC-PERP", "USD");
        var first = MonitoredAccount.From("acct-1", 1, book);
        var previous = MonitoredAccount.From("acct-1", 2, book, first);
        Assert.True(previous.InstrumentIndexes == first.InstrumentIndexes);
        Assert.True(previous.Align(reordered));
        Assert.Equal(btcReordered, previous.InstrumentIndexes[0]);

        // Same quantity, entry and funding on the other instrument: the book's indexes equal the remapped replica's.
        var changed = Book(model, other, "USD");
        var next = MonitoredAccount.From("acct-1", 3, changed, previous);

        // The coincidence is taken: the remapped replica's index array is shared, and it names the book's instrument.
        Assert.True(next.InstrumentIndexes == previous.InstrumentIndexes);
        var fresh = MonitoredAccount.From("acct-1", 3, changed);
        Assert.Same(model.Layout, next.Layout);
        Assert.Equal(fresh.Holdings(), next.Holdings());
        Assert.Equal(other, Assert.Single(next.Holdings()).Instrument);
        Assert.Equal(fresh.GroupMask, next.GroupMask);

        // The remapped replica still reads BTC-PERP under its new layout, and the replica it shared its arrays
        // with before the remap under the old one: a remap replaces arrays, never rewrites them.
        Assert.Equal("BTC-PERP", Assert.Single(previous.Holdings()).Instrument);
        Assert.Equal("BTC-PERP", Assert.Single(first.Holdings()).Instrument);
    }

    // One position (1 contract at 60,000, funding 5) and one balance of 100,000.
    private static AccountBook Book(RiskModel model, string instrument, string asset)
        => AccountBook.Create(model, new Portfolio
        {
            Regime = MarginRegime.Pm,
            Balances = new Dictionary<string, double> { [asset] = 100_000 },
            Positions = [new Position(instrument, 1, 60_000, 5)],
        });

    // The same instruments in reverse order: another layout, every index moved, instruments only (assets keep their order).
    private static RiskModel Reversed(RiskModel model)
    {
        var specs = Array.ConvertAll(model.Instruments, i => i.Spec);
        Array.Reverse(specs);
        return RiskModel.Build(Rulebook.Default, specs, model.Market);
    }

    private static int Index(RiskModel model, string instrument)
    {
        Assert.True(model.TryGetInstrument(instrument, out var index));
        return index;
    }
}

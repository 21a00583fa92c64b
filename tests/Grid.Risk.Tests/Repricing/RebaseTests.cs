using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;
using Grid.Risk.Tests.Properties;

namespace Grid.Risk.Tests.Repricing;

/// <summary>
/// A price tick moves a book onto the new model by repricing only the groups it touched: the others keep
/// their vectors (same arrays, same bits), the figures equal a book built from scratch, and a change of
/// layout or rulebook is left to a full rebuild.
/// </summary>
public sealed class RebaseTests
{
    [Fact]
    public void TickOnBtc_RepricesBtcOnly_AndEqualsFullBuild()
    {
        var model = OptionBookMarket.Model();
        var book = AccountBook.Create(model, OptionBookMarket.MarketMaker());
        model.TryGetGroup("BTC", out var btc);
        model.TryGetGroup("ETH", out var eth);
        model.TryGetGroup("SPX", out var spx);
        var ethVectors = book.Groups[eth]!.States[1].Pnl;
        var ethBefore = RebaseEqualsFullTests.Exposures(book, eth);
        var spxBefore = RebaseEqualsFullTests.Exposures(book, spx);
        var btcBefore = RebaseEqualsFullTests.Exposures(book, btc);
        var ethFigures = book.Groups[eth]!.Figures.ToArray();

        var next = OptionBookMarket.Model(BtcTick(model.Market, TimeSpan.FromMilliseconds(20)), model);

        Assert.Equal(1UL << btc, next.MovedGroups(model));
        Assert.Same(model.Groups[eth], next.Groups[eth]);
        Assert.Same(model.Instrument("ETH-30D-3000-C"), next.Instrument("ETH-30D-3000-C"));
        Assert.NotSame(model.Instrument("BTC-30D-60000-C"), next.Instrument("BTC-30D-60000-C"));
        Assert.True(book.TryRebase(next));
        Assert.Same(ethVectors, book.Groups[eth]!.States[1].Pnl);
        Assert.Equal(ethBefore, RebaseEqualsFullTests.Exposures(book, eth));
        Assert.Equal(spxBefore, RebaseEqualsFullTests.Exposures(book, spx));
        Assert.Equal(ethFigures, book.Groups[eth]!.Figures);
        Assert.NotEqual(btcBefore, RebaseEqualsFullTests.Exposures(book, btc));
        RebaseEqualsFullTests.AssertEqualsFull(book, next, "after a BTC tick");
    }

    [Fact]
    public void SeveralTicksBehind_RebasesOverTheWholeGap()
    {
        var model = OptionBookMarket.Model();
        var book = AccountBook.Create(model, OptionBookMarket.MarketMaker());
        var latest = model;
        for (var k = 1; k <= 5; k++)
        {
            latest = OptionBookMarket.Model(BtcTick(latest.Market, TimeSpan.FromMilliseconds(20)), latest);
        }

        Assert.True(book.TryRebase(latest));
        RebaseEqualsFullTests.AssertEqualsFull(book, latest, "five BTC ticks later");
    }

    [Fact]
    public void RateChange_MovesEveryGroup()
    {
        var model = OptionBookMarket.Model();
        var book = AccountBook.Create(model, OptionBookMarket.MarketMaker());
        var next = OptionBookMarket.Model(model.Market with { Rate = 0.05 }, model);
        Assert.Equal((1UL << next.Groups.Length) - 1, next.MovedGroups(model) & ((1UL << next.Groups.Length) - 1));
        Assert.True(book.TryRebase(next));
        RebaseEqualsFullTests.AssertEqualsFull(book, next, "after a rate change");
    }

    [Fact]
    public void NewInstrument_OrNewRulebook_FallsBackToRebuild()
    {
        var model = OptionBookMarket.Model();
        var book = AccountBook.Create(model, OptionBookMarket.MarketMaker());
        var hash = book.StateHash();
        var figures = book.Figures();
        var listed = RiskModel.Build(
            Rulebook.Default,
            [.. OptionBookMarket.Instruments, new Instrument { Id = "BTC-F60", Kind = InstrumentKind.LinearFuture, Group = "BTC", Underlying = "BTC", Expiry = OptionBookMarket.AsOf.AddDays(60) }],
            model.Market with { Marks = new Dictionary<string, double>(model.Market.Marks) { ["BTC-F60"] = 60_600 } },
            previous: model);
        Assert.Equal(ulong.MaxValue, listed.MovedGroups(model));
        Assert.False(book.TryRebase(listed));

        var rulebook = Rulebook.Default with { MmFraction = 0.75 };
        Assert.False(book.TryRebase(RiskModel.Build(rulebook, OptionBookMarket.Instruments, model.Market, previous: model)));
        Assert.Same(model, book.Model);
        Assert.Equal(hash, book.StateHash());
        Assert.Equal(figures, book.Figures());
    }

    [Fact]
    public void ModelBuiltOnItsPredecessor_EqualsModelBuiltFromScratch()
    {
        var model = OptionBookMarket.Model();
        var market = BtcTick(model.Market, TimeSpan.FromDays(2));
        var shared = OptionBookMarket.Model(market, model);
        var fresh = OptionBookMarket.Model(market);
        for (var i = 0; i < fresh.Instruments.Length; i++)
        {
            Assert.Equal(fresh.Instruments[i].RiskArray, shared.Instruments[i].RiskArray);
            Assert.Equal(fresh.Instruments[i].Value, shared.Instruments[i].Value);
            Assert.Equal(fresh.Instruments[i].Years, shared.Instruments[i].Years);
        }

        Assert.Equal(model.Instrument("ETH-30D-3000-C").Years, shared.Instrument("ETH-30D-3000-C").Years);
        Assert.True(shared.Instrument("BTC-30D-60000-C").Years < model.Instrument("BTC-30D-60000-C").Years);
    }

    [Fact]
    public void GroupInstant_IsTheNewestObservationOfItsOwnInputs()
    {
        var model = OptionBookMarket.Model();
        var next = OptionBookMarket.Model(BtcTick(model.Market, TimeSpan.FromSeconds(3)), model);
        next.TryGetGroup("BTC", out var btc);
        next.TryGetGroup("ETH", out var eth);
        Assert.Equal(OptionBookMarket.AsOf.AddSeconds(3), next.Groups[btc].Instant);
        Assert.Equal(OptionBookMarket.AsOf, next.Groups[eth].Instant);
        Assert.Equal(OptionBookMarket.AsOf.AddSeconds(3), next.Market.AsOf);
    }

    // BTC's index, perp mark, forwards and two vols move; nothing else does.
    private static MarketSnapshot BtcTick(MarketSnapshot m, TimeSpan after)
    {
        var at = m.AsOf + after;
        var times = new Dictionary<string, DateTimeOffset>(m.InputTimes) { ["BTC"] = at, ["BTC-PERP"] = at, ["BTC-30D-60000-C"] = at, ["BTC-60D-55000-P"] = at };
        var forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>(m.Forwards)
        {
            ["BTC"] = m.Forwards["BTC"].ToDictionary(f => f.Key, f => f.Value * 1.001),
        };
        return m with
        {
            AsOf = at,
            Index = new Dictionary<string, double>(m.Index) { ["BTC"] = m.Index["BTC"] * 1.001 },
            Marks = new Dictionary<string, double>(m.Marks) { ["BTC-PERP"] = m.Marks["BTC-PERP"] * 1.001 },
            Forwards = forwards,
            Vols = new Dictionary<string, double>(m.Vols) { ["BTC-30D-60000-C"] = m.Vols["BTC-30D-60000-C"] + 0.01, ["BTC-60D-55000-P"] = m.Vols["BTC-60D-55000-P"] - 0.01 },
            InputTimes = times,
        };
    }
}

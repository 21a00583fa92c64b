using Grid.Risk.Accounts;
using Grid.Risk.Market;

namespace Grid.Risk.Tests.Properties;

/// <summary>
/// A book moved onto a new market with <see cref="AccountBook.TryRebase"/> equals the same holdings built
/// from scratch on that market (state hash, fast and reported figures, order-inclusive included, group by
/// group), over random portfolios, random order flow and random sequences of market moves on every
/// conformance portfolio; and a move leaves the vectors of the groups it did not touch as they were.
/// </summary>
public sealed class RebaseEqualsFullTests
{
    private const int SequencesPerCase = 2;
    private const int MovesPerSequence = 12;

    public static IEnumerable<object[]> Seeds => Enumerable.Range(0, 20).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomMarketMoves_RebasedBook_EqualsBookBuiltOnTheNewModel(int shard)
    {
        var cases = ConformanceCase.Cases;
        var evaluated = 0;
        var partial = 0;
        for (var c = shard; c < cases.Count; c += 20)
        {
            var @case = cases[c];
            for (var s = 0; s < SequencesPerCase; s++)
            {
                var random = new Random(c * 7919 + s);
                var market = MarketMoves.Stamped(@case.Market);
                var model = RiskModel.Build(@case.Rulebook, @case.Instruments, market);
                var book = AccountBook.Create(model, @case.Portfolio);
                var ledger = MemoryLedger.From(@case.Portfolio);
                var moves = new MarketMoves(random);
                var history = new List<string>();
                for (var step = 0; step < MovesPerSequence; step++)
                {
                    var driver = new RandomBookDriver(model, random, ledger);
                    for (var k = random.Next(3); k > 0; k--)
                    {
                        history.Add(driver.Step(book));
                    }

                    var nextMarket = moves.Next(market, out var label);
                    history.Add(label);
                    RiskModel next;
                    try
                    {
                        next = RiskModel.Build(@case.Rulebook, @case.Instruments, nextMarket, previous: model);
                    }
                    catch (RiskInputException)
                    {
                        break; // a day step expired an option: this sequence ends here
                    }

                    var where = $"{@case.Id} seed {s} after [{string.Join("; ", history)}]";
                    var untouched = Untouched(book, model, next);
                    partial += untouched.Count > 0 ? 1 : 0;
                    Assert.True(book.TryRebase(next), where);
                    Assert.Same(next, book.Model);
                    foreach (var (g, pnl) in untouched)
                    {
                        Assert.True(pnl.AsSpan().SequenceEqual(Exposures(book, g)), $"{where}: group {next.Groups[g].Name} did not move but its vectors did");
                    }

                    AssertEqualsFull(book, next, where);
                    AssertEqualsFull(book, RiskModel.Build(@case.Rulebook, @case.Instruments, nextMarket), where + " (model built without its predecessor)");
                    (market, model) = (nextMarket, next);
                    evaluated++;
                }
            }
        }

        Assert.True(evaluated > 0);
        Assert.True(partial > 0 || evaluated < 10, "no move ever left a group of a book untouched");
    }

    // The rebased book agrees with a book built from its holdings on `model`, and its fast check with the reference check.
    internal static void AssertEqualsFull(AccountBook book, RiskModel model, string where)
    {
        var full = AccountBook.Create(model, book.ToPortfolio());
        var diff = BookVerification.Compare(book, full);
        Assert.True(diff is null, $"{where}: {diff}");
        Assert.Equal(full.StateHash(), book.StateHash());
        var fullFigures = full.Figures();
        var figures = book.Figures();
        Assert.True(BookVerification.Close(figures.Im, fullFigures.Im) && BookVerification.Close(figures.OrderCosts, fullFigures.OrderCosts),
            $"{where}: order-inclusive IM {figures.Im} vs {fullFigures.Im}, order costs {figures.OrderCosts} vs {fullFigures.OrderCosts}");
        for (var i = 0; i < book.Model.Instruments.Length; i += Math.Max(1, book.Model.Instruments.Length / 4))
        {
            var risk = book.Model.Instruments[i];
            var price = risk.Mark * 0.99;
            if (!(price > 0))
            {
                continue;
            }

            var fast = book.Check(i, Side.Buy, 1, price);
            var reference = full.CheckReference(full.Model.Instruments[i], Side.Buy, 1, price);
            Assert.True(BookVerification.Close(fast.Im, reference.Im) && BookVerification.Close(fast.Ae, reference.Ae),
                $"{where}: check of {risk.Spec.Id}: IM {fast.Im} vs {reference.Im}, AE {fast.Ae} vs {reference.Ae}");
        }
    }

    // The vectors (every fill state) of each group the book holds that `next` shares with `model`, copied.
    private static List<(int Group, double[] Pnl)> Untouched(AccountBook book, RiskModel model, RiskModel next)
    {
        var list = new List<(int, double[])>();
        for (var g = 0; g < book.Groups.Length; g++)
        {
            if (book.Groups[g] is not null && ReferenceEquals(model.Groups[g], next.Groups[g]))
            {
                list.Add((g, Exposures(book, g)));
            }
        }

        return list;
    }

    internal static double[] Exposures(AccountBook book, int g)
    {
        var gb = book.Groups[g]!;
        return
        [
            .. gb.States.SelectMany(e => e.Pnl.Append(e.Delta).Append(e.LongDeltaOne).Append(e.ShortDeltaOne).Append(e.SomStrike)
                .Append(e.MinPerContract).Append(e.OpenLoss).Append(e.FeeReserve)),
        ];
    }
}

using Grid.Risk.Accounts;
using Grid.Risk.Margin;

namespace Grid.Risk.Tests.Properties;

/// <summary>
/// Property tests in exchange-core's style: a book updated incrementally (q × risk array per change)
/// equals the same holdings rebuilt from scratch, and the fast check equals the reference check,
/// over random order sequences on every conformance portfolio.
/// </summary>
public sealed class IncrementalEqualsFullTests
{
    private const int SequencesPerCase = 4;
    private const int StepsPerSequence = 25;

    public static IEnumerable<object[]> Seeds => Enumerable.Range(0, 20).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomSequences_IncrementalBook_EqualsFullRecompute(int shard)
    {
        var cases = ConformanceCase.Cases;
        var evaluated = 0;
        for (var c = shard; c < cases.Count; c += 20)
        {
            var @case = cases[c];
            for (var s = 0; s < SequencesPerCase; s++)
            {
                var random = new Random(c * 1000 + s);
                var book = @case.Book();
                var driver = new RandomBookDriver(book.Model, random, MemoryLedger.From(@case.Portfolio));
                var history = new List<string>();
                for (var step = 0; step < StepsPerSequence; step++)
                {
                    history.Add(driver.Step(book));
                    var full = AccountBook.Create(book.Model, book.ToPortfolio());
                    var diff = BookVerification.Compare(book, full);
                    Assert.True(diff is null, $"{@case.Id} seed {s} after [{string.Join("; ", history)}]: {diff}");

                    var probe = driver.RandomOrder();
                    var risk = book.Model.Instrument(probe.Instrument);
                    var fast = book.Check(risk.Index, probe.Side, probe.Qty, probe.Price);
                    var reference = book.CheckReference(risk, probe.Side, probe.Qty, probe.Price);
                    Assert.True(Close(fast.Im, reference.Im) && Close(fast.Mm, reference.Mm) && Close(fast.Ae, reference.Ae),
                        $"{@case.Id} seed {s} fast vs reference on {probe}: IM {fast.Im} vs {reference.Im}, MM {fast.Mm} vs {reference.Mm}");
                    if (Math.Abs(reference.Excess) > 1e-3)
                    {
                        Assert.Equal(reference.Decision, fast.Decision);
                    }

                    evaluated++;
                }
            }
        }

        Assert.True(evaluated > 0);
    }

    internal static bool Close(double x, double y) => BookVerification.Close(x, y);
}

using Grid.Risk.Accounts;
using Grid.Risk.Regimes;
using Grid.Risk.Supervision;
using Grid.Risk.Tests.Stress;

namespace Grid.Risk.Tests.Supervision;

/// <summary>The house's dependency margins every silo in one scratch book reused across accounts: the same totals, bit for bit.</summary>
public sealed class SiloedTotalsTests
{
    [Fact]
    public void Totals_InAReusedScratchBook_EqualTheComparison_AndTheDependencyIsUnchanged()
    {
        var model = StressHouse.Model();
        var scratch = AccountBook.Empty(model);
        foreach (var (_, book) in StressHouse.Accounts(model, 120, 29))
        {
            var comparison = SiloedMargin.Compare(book);
            Assert.Equal((comparison.SiloedTotal, comparison.CrossTotal), SiloedMargin.Totals(book, scratch));
            Assert.Equal(comparison.SiloedTotal, comparison.Silos.Sum(s => s.Requirement), 6);
            var alone = CreditDependency.Of(book);
            var reused = CreditDependency.Of(book, scratch);
            Assert.Equal(alone with { Credits = [], CreditsPositions = [] }, reused with { Credits = [], CreditsPositions = [] });
        }
    }
}

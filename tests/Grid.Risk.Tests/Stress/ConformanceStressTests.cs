using Grid.Risk.Accounts;
using Grid.Risk.Monitoring;
using Grid.Risk.Stress;

namespace Grid.Risk.Tests.Stress;

/// <summary>Every development stress case (spec/cases/dev-stress.jsonl): AE, AE′, P&amp;L and deficit per scenario to 0.01 USD.</summary>
public sealed class ConformanceStressTests
{
    [Fact]
    public void Cases_AllThreeHundred_ArePaired()
    {
        Assert.Equal(300, StressCase.Ids.Count());
    }

    [Theory]
    [MemberData(nameof(StressCase.Ids), MemberType = typeof(StressCase))]
    public void Evaluate_Case_MatchesExpectedStress(string id)
    {
        var @case = StressCase.Get(id);
        var market = @case.Market();
        var book = AccountBook.Create(market.Model, @case.Case.Portfolio);
        var outcomes = new StressOutcome[market.Count];
        var ae = market.Evaluate(book, outcomes);

        var c = new FigureComparer();
        c.Money("AE vs the book's AE", ae, book.AdjustedEquity(), 1e-9);
        Expect.Stress(c, [.. market.Scenarios.Select(x => x.Name)], outcomes, @case.Expected);
        Assert.True(c.Count == 0, $"{id} ({@case.Case.Category}):\n{c}");
    }

    [Theory]
    [MemberData(nameof(StressCase.Ids), MemberType = typeof(StressCase))]
    public void TryEvaluate_Replica_EqualsTheBook(string id)
    {
        var @case = StressCase.Get(id);
        var market = @case.Market();
        var book = AccountBook.Create(market.Model, @case.Case.Portfolio);
        var fromBook = new StressOutcome[market.Count];
        var fromReplica = new StressOutcome[market.Count];
        market.Evaluate(book, fromBook);

        Assert.True(market.TryEvaluate(MonitoredAccount.From(id, 1, book), fromReplica));
        Assert.Equal(fromBook, fromReplica);
    }
}

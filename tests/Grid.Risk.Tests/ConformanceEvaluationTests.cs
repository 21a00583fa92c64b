namespace Grid.Risk.Tests;

/// <summary>Every seeded case of spec/cases through a full evaluation: every figure to 0.01 USD.</summary>
public sealed class ConformanceEvaluationTests
{
    [Theory]
    [MemberData(nameof(ConformanceCase.Ids), MemberType = typeof(ConformanceCase))]
    public void Evaluate_Case_MatchesExpectedFigures(string id)
    {
        var @case = ConformanceCase.Get(id);
        var report = @case.Book().Evaluate();
        var c = new FigureComparer();
        Expect.Report(c, report, @case.Expected.GetProperty("eval"));
        Assert.True(c.Count == 0, $"{id} ({@case.Category}):\n{c}");
    }
}

using Grid.Risk.Regimes;

namespace Grid.Risk.Tests;

/// <summary>Siloed versus cross on every seeded case (Rulebook §4 items 5 and 27).</summary>
public sealed class ConformanceRegimeTests
{
    [Theory]
    [MemberData(nameof(ConformanceCase.Ids), MemberType = typeof(ConformanceCase))]
    public void Compare_Case_MatchesExpectedSilos(string id)
    {
        var @case = ConformanceCase.Get(id);
        var result = SiloedMargin.Compare(@case.Book());
        var c = new FigureComparer();
        Expect.Regimes(c, result, @case.Expected.GetProperty("siloed"));
        Assert.True(c.Count == 0, $"{id} ({@case.Category}):\n{c}");
    }
}

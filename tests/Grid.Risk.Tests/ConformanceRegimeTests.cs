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
        var e = @case.Expected.GetProperty("siloed");
        var c = new FigureComparer();
        c.Money("siloedTotal", result.SiloedTotal, e, "siloedTotal");
        c.Money("crossTotal", result.CrossTotal, e, "crossTotal");
        c.Money("savingUSD", result.SavingUsd, e, "savingUSD");
        c.Money("savingPct", result.SavingPct, e, "savingPct", 1e-4);
        foreach (var s in e.GetProperty("silos").EnumerateArray())
        {
            var name = s.GetProperty("silo").GetString()!;
            var actual = result.Silos.FirstOrDefault(x => x.Silo == name);
            if (actual is null)
            {
                c.Fail($"silo '{name}' missing; have {string.Join(" | ", result.Silos.Select(x => x.Silo))}");
                continue;
            }

            c.Money($"silo '{name}'", actual.Requirement, s.GetProperty("requirement").GetDouble());
            c.Equal($"silo '{name}'.regime", actual.Regime, s.GetProperty("regime").GetString());
        }

        c.Equal("silo count", result.Silos.Count, e.GetProperty("silos").GetArrayLength());
        Assert.True(c.Count == 0, $"{id} ({@case.Category}):\n{c}");
    }
}

using Grid.Risk.Decisions;
using Grid.Risk.Rulebooks;
using Grid.Risk.Simulation;
using Grid.Risk.Tests.Stress;

namespace Grid.Risk.Tests.Simulation;

/// <summary>
/// Every development case sent to the simulator as the document it is in the file (the line, unchanged):
/// the same figures, decision, max size and silos as the conformance tests compute on the book directly,
/// compared the same way (<see cref="Expect"/>); and every stress case with its scenarios in the rulebook.
/// </summary>
public sealed class SimulatorConformanceTests
{
    private static readonly PortfolioSimulator Simulator = new();

    [Theory]
    [MemberData(nameof(ConformanceCase.Ids), MemberType = typeof(ConformanceCase))]
    public void Simulate_CaseDocument_MatchesEveryExpectedFigure(string id)
    {
        var @case = ConformanceCase.Get(id);
        var inputs = SimulationDocument.Read(@case.Json, "document_json");
        var result = Simulator.Run(inputs, null, null, SimulationFigures.All);

        var c = new FigureComparer();
        Expect.Report(c, result.Report, @case.Expected.GetProperty("eval"));
        Expect.PreTrade(c, result.Order!.Result, @case.Expected.GetProperty("pretrade"));
        Expect.MaxOrderSize(c, MaxOrderSize.ToQty(result.MaxOrderUnits!.Value), @case.Expected.GetProperty("maxOrderSize"));
        Expect.Regimes(c, result.Regimes!, @case.Expected.GetProperty("siloed"));
        Assert.True(c.Count == 0, $"{id} ({@case.Category}):\n{c}");
        Assert.False(result.Basis.LiveMarket || result.Basis.LiveRulebook || result.Basis.LiveInstruments);
        Assert.Equal(@case.Market.AsOf, result.Basis.AsOf);
    }

    [Theory]
    [MemberData(nameof(StressCase.Ids), MemberType = typeof(StressCase))]
    public void Simulate_StressCase_MatchesExpectedScenarios(string id)
    {
        var @case = StressCase.Get(id);
        var inputs = SimulationDocument.Read(@case.Case.Json, "document_json");
        inputs = inputs with { Rulebook = inputs.Rulebook! with { Stress = new StressRules { GuaranteeFund = 0, Scenarios = @case.Scenarios } } };
        var result = Simulator.Run(inputs, null, null, SimulationFigures.Stress);

        var c = new FigureComparer();
        Expect.Stress(c, [.. result.StressMarket!.Scenarios.Select(s => s.Name)], result.Stress, @case.Expected);
        Assert.True(c.Count == 0, $"{id}:\n{c}");
    }
}

using System.Text.Json;
using Grid.Risk.Rulebooks;
using Grid.Risk.Stress;

namespace Grid.Risk.Tests.Stress;

/// <summary>One line of spec/cases/dev-stress.jsonl: the scenarios of a dev case and, per scenario, AE, AE′, P&amp;L and deficit.</summary>
public sealed class StressCase
{
    private static readonly Lazy<IReadOnlyDictionary<string, StressCase>> All = new(Load);

    private StressCase(JsonElement root)
    {
        Id = root.GetProperty("id").GetString()!;
        Case = ConformanceCase.Get(Id);
        Scenarios = StressRulesReader.ReadScenarios(root.GetProperty("scenarios"), Case.Rulebook.Assets);
        Expected = root.GetProperty("expected").Clone();
    }

    public string Id { get; }

    public ConformanceCase Case { get; }

    public IReadOnlyList<StressScenario> Scenarios { get; }

    public JsonElement Expected { get; }

    public static IEnumerable<object[]> Ids => All.Value.Keys.Order(StringComparer.Ordinal).Select(id => new object[] { id });

    public static StressCase Get(string id) => All.Value[id];

    public StressMarket Market() => StressMarket.Build(Risk.Market.RiskModel.Build(Case.Rulebook, Case.Instruments, Case.Market), Scenarios, 0);

    public override string ToString() => Id;

    private static Dictionary<string, StressCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cases", "dev-stress.jsonl");
        return File.ReadLines(path)
            .Where(l => l.Length > 0)
            .Select(l =>
            {
                using var doc = JsonDocument.Parse(l);
                return new StressCase(doc.RootElement);
            })
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
    }
}

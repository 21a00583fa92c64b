using System.Text.Json;
using Grid.Risk.Accounts;
using Grid.Risk.Documents;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Tests;

/// <summary>One line of spec/cases/dev-cases.jsonl: inputs and the figures the Rulebook gives for them.</summary>
public sealed class ConformanceCase
{
    private static readonly Lazy<IReadOnlyList<ConformanceCase>> All = new(Load);

    private ConformanceCase(JsonElement root)
    {
        Json = root.GetRawText();
        Id = root.GetProperty("id").GetString()!;
        Category = root.GetProperty("category").GetString()!;
        var input = root.GetProperty("input");
        Rulebook = RulebookReader.Read(input.GetProperty("rulebook"));
        Instruments = RiskDocumentReader.Instruments(input.GetProperty("instruments"));
        Market = RiskDocumentReader.Market(input.GetProperty("market"));
        Portfolio = RiskDocumentReader.Portfolio(input.GetProperty("account"));
        Order = RiskDocumentReader.Order(root.GetProperty("order"), "order");
        Expected = root.GetProperty("expected").Clone();
    }

    public string Id { get; }

    /// <summary>The case's line as it is in the file (a portfolio document the simulator reads as it is).</summary>
    public string Json { get; }

    public string Category { get; }

    public Rulebook Rulebook { get; }

    public List<Instrument> Instruments { get; }

    public MarketSnapshot Market { get; }

    public Portfolio Portfolio { get; }

    public RestingOrder Order { get; }

    public JsonElement Expected { get; }

    public static IReadOnlyList<ConformanceCase> Cases => All.Value;

    public static IEnumerable<object[]> Ids => Cases.Select(c => new object[] { c.Id });

    public static ConformanceCase Get(string id) => Cases.First(c => c.Id == id);

    public AccountBook Book() => AccountBook.Create(RiskModel.Build(Rulebook, Instruments, Market), Portfolio);

    public override string ToString() => Id;

    private static List<ConformanceCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cases", "dev-cases.jsonl");
        return File.ReadLines(path)
            .Where(l => l.Length > 0)
            .Select(l =>
            {
                using var doc = JsonDocument.Parse(l);
                return new ConformanceCase(doc.RootElement);
            })
            .ToList();
    }
}

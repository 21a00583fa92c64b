using System.Text.Json.Nodes;
using Grid.Risk.Simulation;

namespace Grid.Risk.Tests.Simulation;

/// <summary>
/// Every development case, edited at random JSON paths with hostile values (NaN, infinities, 1e300, negatives,
/// zero, strings, nulls, empty containers): the simulator either margins it, with finite figures, or refuses it
/// with a <see cref="SimulationException"/> naming a field. Nothing else escapes.
/// </summary>
public sealed class HostileDocumentTests
{
    private static readonly JsonNode?[] Hostile =
    [
        JsonValue.Create(double.MaxValue), JsonValue.Create(-1e300), JsonValue.Create(1e300), JsonValue.Create(0), JsonValue.Create(-1),
        JsonValue.Create("inf"), JsonValue.Create("-inf"), JsonValue.Create("NaN"), JsonValue.Create("x"), JsonValue.Create(""), null,
        new JsonArray(), new JsonObject(), JsonValue.Create(1e-300), JsonValue.Create(true),
    ];

    [Theory]
    [MemberData(nameof(ConformanceCase.Ids), MemberType = typeof(ConformanceCase))]
    public void HostileEdits_AreMarginedOrRefusedByField(string id)
    {
        var random = new Random(int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) ^ 20_261_125);
        var simulator = new PortfolioSimulator();
        for (var run = 0; run < 8; run++)
        {
            var root = JsonNode.Parse(ConformanceCase.Get(id).Json)!;
            var nodes = new List<JsonNode>();
            Collect(root["input"], nodes);
            Collect(root["order"], nodes);
            var edits = new List<string>();
            for (var edit = 0; edit < 1 + random.Next(3); edit++)
            {
                var node = nodes[random.Next(nodes.Count)];
                if (node.Parent is not null && node.GetValueKind() is not System.Text.Json.JsonValueKind.Object and not System.Text.Json.JsonValueKind.Array)
                {
                    var value = Hostile[random.Next(Hostile.Length)]?.DeepClone();
                    edits.Add($"{node.GetPath()} = {value?.ToJsonString() ?? "null"}");
                    node.ReplaceWith(value);
                }
            }

            try
            {
                var result = simulator.Run(SimulationDocument.Read(root.ToJsonString(), "document_json"), null, null, SimulationFigures.All);
                var r = result.Report;
                Assert.True(double.IsFinite(r.Im) && double.IsFinite(r.Ae) && double.IsFinite(r.Mm), $"{id} run {run} ({string.Join("; ", edits)}): IM {r.Im}, AE {r.Ae}, MM {r.Mm}");
                Assert.All(result.Stress, s => Assert.True(double.IsFinite(s.AeStressed)));
            }
            catch (SimulationException e)
            {
                Assert.False(string.IsNullOrEmpty(e.Problem), $"{id} run {run}: a refusal without a reason");
            }
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o.ToList())
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a.ToList())
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }

                break;
        }
    }
}

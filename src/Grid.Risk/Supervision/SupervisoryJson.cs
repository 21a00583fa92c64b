using System.Text;
using System.Text.Json;
using Grid.Risk.Stress;

namespace Grid.Risk.Supervision;

/// <summary>
/// The supervisory report as JSON Lines (Rulebook §5.6): one object per account, and the house lines
/// (the run, one per scenario, the cross-margin dependency). Numbers are unrounded and round-trip;
/// an infinite coverage ratio is the string "inf". Used by the file writer and by a streamed RPC.
/// </summary>
public static class SupervisoryJson
{
    /// <summary>One account's line.</summary>
    public static string Account(SupervisoryLine line) => Write(w => WriteAccount(w, line));

    /// <summary>The house lines: {"record":"run"}, one {"record":"scenario"} per scenario, {"record":"dependency"}.</summary>
    public static IEnumerable<string> House(DateTimeOffset generatedAt, HouseStressResult stress, HouseDependencyResult dependency)
    {
        ArgumentNullException.ThrowIfNull(stress);
        ArgumentNullException.ThrowIfNull(dependency);
        yield return Write(w =>
        {
            w.WriteString("record", "run");
            w.WriteString("generatedAt", ReportFormat.Instant(generatedAt));
            w.WriteString("marketAsOf", ReportFormat.Instant(stress.MarketAsOf));
            w.WriteString("marketAsOfLatest", ReportFormat.Instant(stress.MarketAsOfLatest));
            w.WriteString("rulebookVersion", stress.RulebookVersion);
            w.WriteNumber("guaranteeFund", stress.GuaranteeFund);
            w.WriteNumber("accounts", stress.Accounts);
            w.WriteNumber("skipped", stress.Skipped);
            w.WriteString("worstScenario", stress.Worst?.Scenario);
        });
        foreach (var s in stress.Scenarios)
        {
            yield return Write(w =>
            {
                w.WriteString("record", "scenario");
                w.WriteString("scenario", s.Scenario);
                w.WriteNumber("totalPnl", s.TotalPnl);
                w.WriteNumber("totalDeficit", s.TotalDeficit);
                w.WriteNumber("accountsInDeficit", s.AccountsInDeficit);
                w.WriteNumber("cover1", s.Cover1);
                w.WriteNumber("cover2", s.Cover2);
                Number(w, "coverageRatio", s.CoverageRatio);
                w.WriteStartArray("top");
                foreach (var a in s.Top)
                {
                    w.WriteStartObject();
                    w.WriteString("account", a.AccountId);
                    w.WriteNumber("ae", a.Ae);
                    w.WriteNumber("aeStressed", a.AeStressed);
                    w.WriteNumber("pnl", a.Pnl);
                    w.WriteNumber("deficit", a.Deficit);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
        }

        yield return Write(w =>
        {
            w.WriteString("record", "dependency");
            w.WriteNumber("accounts", dependency.Accounts);
            w.WriteNumber("skipped", dependency.Skipped);
            w.WriteNumber("siloedTotal", dependency.SiloedTotal);
            w.WriteNumber("crossTotal", dependency.CrossTotal);
            w.WriteNumber("creditTotal", dependency.CreditTotal);
            w.WriteNumber("creditTotalPositions", dependency.CreditTotalPositions);
            Pairs(w, "credits", dependency.Credits);
            Pairs(w, "creditsPositions", dependency.CreditsPositions);
            w.WriteNumber("im", dependency.Im);
            w.WriteNumber("imWithoutCredits", dependency.ImWithoutCredits);
            w.WriteNumber("leavingOk", dependency.LeavingOk);
            w.WriteNumber("calledIm", dependency.CalledIm);
            w.WriteStartArray("transitions");
            foreach (var t in dependency.Transitions)
            {
                w.WriteStartObject();
                w.WriteString("from", ReportFormat.State(t.From));
                w.WriteString("to", ReportFormat.State(t.To));
                w.WriteNumber("accounts", t.Count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static void WriteAccount(Utf8JsonWriter w, SupervisoryLine line)
    {
        var m = line.Margin;
        w.WriteString("account", line.AccountId);
        w.WriteString("regime", line.RegimeName);
        w.WriteNumber("ae", m.Ae);
        w.WriteNumber("aeAfterOrderCosts", m.AeAfterOrderCosts);
        w.WriteNumber("im", m.Im);
        w.WriteNumber("imPositions", line.ImPositions);
        w.WriteNumber("mm", m.Mm);
        w.WriteString("state", ReportFormat.State(m.State));
        w.WriteNumber("creditTotal", m.CreditTotal);
        w.WriteNumber("creditTotalPositions", m.CreditTotalPositions);
        Pairs(w, "credits", m.Credits);
        Pairs(w, "creditsPositions", m.CreditsPositions);
        w.WriteStartArray("collateral");
        foreach (var c in line.Collateral)
        {
            w.WriteStartObject();
            w.WriteString("asset", c.Asset);
            w.WriteNumber("quantity", c.Quantity);
            w.WriteNumber("price", c.Price);
            w.WriteNumber("haircut", c.Haircut);
            w.WriteNumber("value", c.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("siloedTotal", m.SiloedTotal);
        w.WriteNumber("crossTotal", m.CrossTotal);
        w.WriteNumber("imWithoutCredits", m.ImWithoutCredits);
        w.WriteNumber("mmWithoutCredits", m.MmWithoutCredits);
        w.WriteString("stateWithoutCredits", ReportFormat.State(m.StateWithoutCredits));
        w.WriteStartArray("scenarios");
        foreach (var s in line.Scenarios)
        {
            w.WriteStartObject();
            w.WriteString("scenario", s.Scenario);
            w.WriteNumber("aeStressed", s.AeStressed);
            w.WriteNumber("pnl", s.Pnl);
            w.WriteNumber("deficit", s.Deficit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Pairs(Utf8JsonWriter w, string name, IReadOnlyList<PairCredit> pairs)
    {
        w.WriteStartArray(name);
        foreach (var p in pairs)
        {
            w.WriteStartObject();
            w.WriteString("pair", p.Pair);
            w.WriteNumber("credit", p.Credit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteString(name, ReportFormat.Number(value));
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

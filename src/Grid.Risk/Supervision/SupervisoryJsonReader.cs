using System.Globalization;
using System.Text.Json;
using Grid.Risk.Accounts;
using Grid.Risk.Rulebooks;
using Grid.Risk.Stress;

namespace Grid.Risk.Supervision;

/// <summary>
/// Reads the JSON Lines of <see cref="SupervisoryJson"/> back into lines and house figures, number for
/// number (the numbers round-trip), so a client that receives the report as JSON Lines (the streamed
/// Admin RPC) writes the same files as the server would (<see cref="SupervisoryReportWriter"/>).
/// </summary>
public static class SupervisoryJsonReader
{
    /// <summary>One account's line.</summary>
    /// <exception cref="FormatException">The text is not an account line.</exception>
    public static SupervisoryLine Account(string json)
    {
        using var document = Parse(json);
        var a = document.RootElement;
        return new SupervisoryLine
        {
            AccountId = Text(a, "account"),
            ImPositions = Number(a, "imPositions"),
            Margin = new CreditDependency
            {
                Regime = Text(a, "regime") == "STD" ? MarginRegime.Std : MarginRegime.Pm,
                Ae = Number(a, "ae"),
                AeAfterOrderCosts = Number(a, "aeAfterOrderCosts"),
                Im = Number(a, "im"),
                Mm = Number(a, "mm"),
                State = State(Text(a, "state")),
                CreditTotal = Number(a, "creditTotal"),
                CreditTotalPositions = Number(a, "creditTotalPositions"),
                Credits = Pairs(a, "credits"),
                CreditsPositions = Pairs(a, "creditsPositions"),
                SiloedTotal = Number(a, "siloedTotal"),
                CrossTotal = Number(a, "crossTotal"),
                ImWithoutCredits = Number(a, "imWithoutCredits"),
                MmWithoutCredits = Number(a, "mmWithoutCredits"),
                StateWithoutCredits = State(Text(a, "stateWithoutCredits")),
            },
            Collateral = [.. Array(a, "collateral").Select(c => new CollateralLine(Text(c, "asset"), Number(c, "quantity"), Number(c, "price"), Number(c, "haircut"), Number(c, "value")))],
            Scenarios = [.. Array(a, "scenarios").Select(s => new ScenarioLine(Text(s, "scenario"), Number(s, "aeStressed"), Number(s, "pnl"), Number(s, "deficit")))],
        };
    }

    /// <summary>The house lines (the run, one per scenario, the dependency), in the order <see cref="SupervisoryJson.House"/> writes them.</summary>
    /// <exception cref="FormatException">The lines are not the house lines of one report.</exception>
    public static (DateTimeOffset GeneratedAt, HouseStressResult Stress, HouseDependencyResult Dependency) House(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var records = lines.Select(Element).ToList();
        var run = records.FirstOrDefault(r => Text(r, "record") == "run");
        var dependency = records.FirstOrDefault(r => Text(r, "record") == "dependency");
        if (run.ValueKind != JsonValueKind.Object || dependency.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the house lines need a run record and a dependency record");
        }

        var scenarios = records.Where(r => Text(r, "record") == "scenario").Select(s => new HouseScenarioFigures
        {
            Scenario = Text(s, "scenario"),
            TotalPnl = Number(s, "totalPnl"),
            TotalDeficit = Number(s, "totalDeficit"),
            AccountsInDeficit = (long)Number(s, "accountsInDeficit"),
            Cover1 = Number(s, "cover1"),
            Cover2 = Number(s, "cover2"),
            CoverageRatio = Number(s, "coverageRatio"),
            Top = [.. Array(s, "top").Select(t => new StressedAccount(Text(t, "account"), Number(t, "ae"), Number(t, "aeStressed")))],
        }).ToList();
        var worst = run.TryGetProperty("worstScenario", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString() : null;
        var stress = new HouseStressResult
        {
            RulebookVersion = Text(run, "rulebookVersion"),
            MarketAsOf = Instant(run, "marketAsOf"),
            MarketAsOfLatest = Instant(run, "marketAsOfLatest"),
            GuaranteeFund = Number(run, "guaranteeFund"),
            Accounts = (long)Number(run, "accounts"),
            Skipped = (long)Number(run, "skipped"),
            Scenarios = scenarios,
            WorstScenario = scenarios.FindIndex(s => s.Scenario == worst),
        };
        var d = dependency;
        var house = new HouseDependencyResult
        {
            Accounts = (long)Number(d, "accounts"),
            Skipped = (long)Number(d, "skipped"),
            SiloedTotal = Number(d, "siloedTotal"),
            CrossTotal = Number(d, "crossTotal"),
            CreditTotal = Number(d, "creditTotal"),
            CreditTotalPositions = Number(d, "creditTotalPositions"),
            Credits = Pairs(d, "credits"),
            CreditsPositions = Pairs(d, "creditsPositions"),
            Im = Number(d, "im"),
            ImWithoutCredits = Number(d, "imWithoutCredits"),
            LeavingOk = (long)Number(d, "leavingOk"),
            CalledIm = Number(d, "calledIm"),
            Transitions = [.. Array(d, "transitions").Select(t => new StateTransition(State(Text(t, "from")), State(Text(t, "to")), (long)Number(t, "accounts")))],
        };
        return (Instant(run, "generatedAt"), stress, house);
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json ?? "");
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a report line: {e.Message}", e);
        }
    }

    private static JsonElement Element(string json)
    {
        using var document = Parse(json);
        return document.RootElement.Clone();
    }

    private static JsonElement Property(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) ? value : throw new FormatException($"a report line lacks '{name}'");

    private static string Text(JsonElement e, string name) => Property(e, name).GetString() ?? "";

    // Numbers round-trip; an infinite ratio is the string "inf".
    private static double Number(JsonElement e, string name)
    {
        var value = Property(e, name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString() switch { "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, var s => double.Parse(s!, CultureInfo.InvariantCulture) }
            : value.GetDouble();
    }

    private static DateTimeOffset Instant(JsonElement e, string name)
        => DateTimeOffset.Parse(Text(e, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) => Property(e, name).EnumerateArray();

    private static PairCredit[] Pairs(JsonElement e, string name) => [.. Array(e, name).Select(p =>
    {
        var pair = Text(p, "pair");
        var slash = pair.IndexOf('/', StringComparison.Ordinal);
        return new PairCredit(slash < 0 ? pair : pair[..slash], slash < 0 ? "" : pair[(slash + 1)..], Number(p, "credit"));
    })];

    private static AccountState State(string name) => name switch
    {
        "OK" => AccountState.Ok,
        "REDUCE_ONLY" => AccountState.ReduceOnly,
        "LIQUIDATE" => AccountState.Liquidate,
        "BANKRUPT" => AccountState.Bankrupt,
        _ => throw new FormatException($"'{name}' is not an account state"),
    };
}

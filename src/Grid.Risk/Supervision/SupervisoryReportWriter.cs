using System.Text;
using Grid.Risk.Stress;

namespace Grid.Risk.Supervision;

/// <summary>
/// Writes one dated supervisory report into a directory (Rulebook §5.6): <c>accounts.jsonl</c> and
/// <c>house.jsonl</c> (JSON Lines), the CSV tables of <see cref="SupervisoryCsv"/>, and
/// <c>rulebook.json</c>, the rulebook document the figures used. Accounts stream in with
/// <see cref="Add"/>; <see cref="Complete"/> writes the house figures and the rulebook.
/// </summary>
public sealed class SupervisoryReportWriter : IDisposable
{
    /// <summary>The files a report holds.</summary>
    public static readonly IReadOnlyList<string> Files =
    [
        "accounts.jsonl", "house.jsonl", "accounts.csv", "account-scenarios.csv", "account-credits.csv", "account-collateral.csv",
        "house-scenarios.csv", "house-top-accounts.csv", "house.csv", "house-credits.csv", "house-transitions.csv", "rulebook.json",
    ];

    private static readonly Encoding Utf8 = new UTF8Encoding(false);
    private readonly string _directory;
    private readonly StreamWriter _accountsJson;
    private readonly StreamWriter _accounts;
    private readonly StreamWriter _scenarios;
    private readonly StreamWriter _credits;
    private readonly StreamWriter _collateral;

    /// <summary>Creates <paramref name="directory"/> if needed and opens the account files (existing ones are replaced).</summary>
    public SupervisoryReportWriter(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        _accountsJson = Open("accounts.jsonl", null);
        _accounts = Open("accounts.csv", SupervisoryCsv.AccountsHeader);
        _scenarios = Open("account-scenarios.csv", SupervisoryCsv.ScenariosHeader);
        _credits = Open("account-credits.csv", SupervisoryCsv.CreditsHeader);
        _collateral = Open("account-collateral.csv", SupervisoryCsv.CollateralHeader);
    }

    /// <summary>Accounts written.</summary>
    public long Accounts { get; private set; }

    /// <summary>Writes one account.</summary>
    public void Add(SupervisoryLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _accountsJson.Write(SupervisoryJson.Account(line) + "\n");
        _accounts.Write(SupervisoryCsv.AccountRow(line) + "\n");
        Lines(_scenarios, SupervisoryCsv.ScenarioRows(line));
        Lines(_credits, SupervisoryCsv.CreditRows(line));
        Lines(_collateral, SupervisoryCsv.CollateralRows(line));
        Accounts++;
    }

    /// <summary>Writes the house figures and the rulebook document, and closes the account files.</summary>
    public void Complete(DateTimeOffset generatedAt, HouseStressResult stress, HouseDependencyResult dependency, string rulebookJson)
    {
        ArgumentNullException.ThrowIfNull(rulebookJson);
        Dispose();
        Write("house.jsonl", null, SupervisoryJson.House(generatedAt, stress, dependency));
        Write("house-scenarios.csv", SupervisoryCsv.HouseScenariosHeader, SupervisoryCsv.HouseScenarioRows(stress));
        Write("house-top-accounts.csv", SupervisoryCsv.HouseTopHeader, SupervisoryCsv.HouseTopRows(stress));
        Write("house.csv", SupervisoryCsv.HouseHeader, SupervisoryCsv.HouseRows(generatedAt, stress, dependency));
        Write("house-credits.csv", SupervisoryCsv.HouseCreditsHeader, SupervisoryCsv.HouseCreditRows(dependency));
        Write("house-transitions.csv", SupervisoryCsv.HouseTransitionsHeader, SupervisoryCsv.HouseTransitionRows(dependency));
        File.WriteAllText(Path.Combine(_directory, "rulebook.json"), rulebookJson, Utf8);
    }

    /// <summary>Closes the account files.</summary>
    public void Dispose()
    {
        _accountsJson.Dispose();
        _accounts.Dispose();
        _scenarios.Dispose();
        _credits.Dispose();
        _collateral.Dispose();
    }

    private StreamWriter Open(string file, string? header)
    {
        var w = new StreamWriter(Path.Combine(_directory, file), false, Utf8);
        if (header is not null)
        {
            w.Write(header + "\n");
        }

        return w;
    }

    private void Write(string file, string? header, IEnumerable<string> rows)
    {
        using var w = Open(file, header);
        Lines(w, rows);
    }

    private static void Lines(StreamWriter w, IEnumerable<string> rows)
    {
        foreach (var row in rows)
        {
            w.Write(row + "\n");
        }
    }
}

using Grid.Risk.Stress;
using static Grid.Risk.Supervision.ReportFormat;

namespace Grid.Risk.Supervision;

/// <summary>
/// The supervisory report as CSV tables (Rulebook §5.6), one row per fact so a spreadsheet can pivot
/// them: accounts, their scenarios, credits and collateral; the house per scenario, its top
/// accounts, its figures, credits by pair and state transitions. Numbers unrounded, ∞ as "inf".
/// </summary>
public static class SupervisoryCsv
{
    /// <summary>Header of accounts.csv.</summary>
    public const string AccountsHeader = "account,regime,ae,aeAfterOrderCosts,im,imPositions,mm,state,creditTotal,creditTotalPositions,siloedTotal,crossTotal,imWithoutCredits,mmWithoutCredits,stateWithoutCredits";

    /// <summary>Header of account-scenarios.csv.</summary>
    public const string ScenariosHeader = "account,scenario,ae,aeStressed,pnl,deficit";

    /// <summary>Header of account-credits.csv (one row per pair and IM: order-inclusive or positions).</summary>
    public const string CreditsHeader = "account,pair,groupA,groupB,im,credit";

    /// <summary>Header of account-collateral.csv.</summary>
    public const string CollateralHeader = "account,asset,quantity,price,haircut,value";

    /// <summary>Header of house-scenarios.csv.</summary>
    public const string HouseScenariosHeader = "scenario,totalPnl,totalDeficit,accountsInDeficit,cover1,cover2,guaranteeFund,coverageRatio,worst";

    /// <summary>Header of house-top-accounts.csv.</summary>
    public const string HouseTopHeader = "scenario,rank,account,ae,aeStressed,pnl,deficit";

    /// <summary>Header of house.csv (figure, value).</summary>
    public const string HouseHeader = "figure,value";

    /// <summary>Header of house-credits.csv.</summary>
    public const string HouseCreditsHeader = "pair,groupA,groupB,credit,creditPositions";

    /// <summary>Header of house-transitions.csv (state now → without credits).</summary>
    public const string HouseTransitionsHeader = "from,to,accounts";

    /// <summary>The account's row of accounts.csv.</summary>
    public static string AccountRow(SupervisoryLine line)
    {
        var m = line.Margin;
        return string.Join(',', Csv(line.AccountId), line.RegimeName, Number(m.Ae), Number(m.AeAfterOrderCosts), Number(m.Im), Number(line.ImPositions),
            Number(m.Mm), State(m.State), Number(m.CreditTotal), Number(m.CreditTotalPositions), Number(m.SiloedTotal), Number(m.CrossTotal),
            Number(m.ImWithoutCredits), Number(m.MmWithoutCredits), State(m.StateWithoutCredits));
    }

    /// <summary>The account's rows of account-scenarios.csv.</summary>
    public static IEnumerable<string> ScenarioRows(SupervisoryLine line)
        => line.Scenarios.Select(s => string.Join(',', Csv(line.AccountId), Csv(s.Scenario), Number(line.Margin.Ae), Number(s.AeStressed), Number(s.Pnl), Number(s.Deficit)));

    /// <summary>The account's rows of account-credits.csv.</summary>
    public static IEnumerable<string> CreditRows(SupervisoryLine line)
        => line.Margin.Credits.Select(p => Credit(line.AccountId, p, "orders"))
            .Concat(line.Margin.CreditsPositions.Select(p => Credit(line.AccountId, p, "positions")));

    /// <summary>The account's rows of account-collateral.csv.</summary>
    public static IEnumerable<string> CollateralRows(SupervisoryLine line)
        => line.Collateral.Select(c => string.Join(',', Csv(line.AccountId), Csv(c.Asset), Number(c.Quantity), Number(c.Price), Number(c.Haircut), Number(c.Value)));

    /// <summary>The rows of house-scenarios.csv.</summary>
    public static IEnumerable<string> HouseScenarioRows(HouseStressResult stress)
        => stress.Scenarios.Select((s, i) => string.Join(',', Csv(s.Scenario), Number(s.TotalPnl), Number(s.TotalDeficit), s.AccountsInDeficit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Number(s.Cover1), Number(s.Cover2), Number(stress.GuaranteeFund), Number(s.CoverageRatio), i == stress.WorstScenario ? "true" : "false"));

    /// <summary>The rows of house-top-accounts.csv.</summary>
    public static IEnumerable<string> HouseTopRows(HouseStressResult stress)
        => stress.Scenarios.SelectMany(s => s.Top.Select((a, rank) => string.Join(',', Csv(s.Scenario), (rank + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Csv(a.AccountId), Number(a.Ae), Number(a.AeStressed), Number(a.Pnl), Number(a.Deficit))));

    /// <summary>The rows of house.csv: the run, then the §5.4 figures.</summary>
    public static IEnumerable<string> HouseRows(DateTimeOffset generatedAt, HouseStressResult stress, HouseDependencyResult dependency)
    {
        (string, string)[] rows =
        [
            ("generatedAt", Instant(generatedAt)), ("marketAsOf", Instant(stress.MarketAsOf)), ("marketAsOfLatest", Instant(stress.MarketAsOfLatest)),
            ("rulebookVersion", stress.RulebookVersion), ("guaranteeFund", Number(stress.GuaranteeFund)), ("accounts", Number(stress.Accounts)),
            ("skipped", Number(stress.Skipped)), ("worstScenario", stress.Worst?.Scenario ?? ""),
            ("dependencyAccounts", Number(dependency.Accounts)), ("dependencySkipped", Number(dependency.Skipped)),
            ("siloedTotal", Number(dependency.SiloedTotal)), ("crossTotal", Number(dependency.CrossTotal)), ("saving", Number(dependency.Saving)),
            ("creditTotal", Number(dependency.CreditTotal)), ("creditTotalPositions", Number(dependency.CreditTotalPositions)),
            ("im", Number(dependency.Im)), ("imWithoutCredits", Number(dependency.ImWithoutCredits)),
            ("leavingOk", Number(dependency.LeavingOk)), ("calledIm", Number(dependency.CalledIm)),
        ];
        return rows.Select(r => $"{r.Item1},{Csv(r.Item2)}");
    }

    /// <summary>The rows of house-credits.csv.</summary>
    public static IEnumerable<string> HouseCreditRows(HouseDependencyResult dependency)
        => dependency.Credits.Zip(dependency.CreditsPositions).Select(p => string.Join(',', Csv(p.First.Pair), Csv(p.First.GroupA), Csv(p.First.GroupB), Number(p.First.Credit), Number(p.Second.Credit)));

    /// <summary>The rows of house-transitions.csv.</summary>
    public static IEnumerable<string> HouseTransitionRows(HouseDependencyResult dependency)
        => dependency.Transitions.Select(t => $"{State(t.From)},{State(t.To)},{Number(t.Count)}");

    private static string Credit(string account, PairCredit p, string im)
        => string.Join(',', Csv(account), Csv(p.Pair), Csv(p.GroupA), Csv(p.GroupB), im, Number(p.Credit));
}

using Grid.Risk.Accounts;

namespace Grid.Risk.Stress;

/// <summary>
/// House stress over accounts (Rulebook §5.3), mergeable: one per silo or partition is filled with
/// the accounts it holds (<see cref="Add"/>), partials of disjoint accounts are merged
/// (<see cref="Merge"/>), and <see cref="Result"/> gives Cover-1, Cover-2, the coverage ratio and
/// the worst scenario exactly as one pass over every account would. Not thread-safe.
/// </summary>
public sealed class HouseStress
{
    /// <summary>Top accounts kept per scenario unless told otherwise.</summary>
    public const int DefaultTop = 10;

    private readonly ScenarioTally[] _tallies;

    /// <summary>An empty partial for a stress market's scenarios, fund, rulebook version and instant.</summary>
    public HouseStress(StressMarket market, int top = DefaultTop)
        : this(market.RulebookVersion, [.. market.Scenarios.Select(s => s.Name)], market.GuaranteeFund, market.AsOf, top)
    {
    }

    /// <summary>An empty partial for the given scenarios (names in rulebook order).</summary>
    public HouseStress(string rulebookVersion, IReadOnlyList<string> scenarios, double guaranteeFund, DateTimeOffset asOf, int top = DefaultTop)
    {
        ArgumentNullException.ThrowIfNull(rulebookVersion);
        ArgumentNullException.ThrowIfNull(scenarios);
        RulebookVersion = rulebookVersion;
        GuaranteeFund = guaranteeFund;
        MarketAsOf = MarketAsOfLatest = asOf;
        _tallies = new ScenarioTally[scenarios.Count];
        for (var s = 0; s < _tallies.Length; s++)
        {
            _tallies[s] = new ScenarioTally(scenarios[s], top);
        }
    }

    /// <summary>The rulebook version.</summary>
    public string RulebookVersion { get; }

    /// <summary>The guarantee fund (USD).</summary>
    public double GuaranteeFund { get; }

    /// <summary>Earliest market instant among the merged partials.</summary>
    public DateTimeOffset MarketAsOf { get; private set; }

    /// <summary>Latest market instant among the merged partials.</summary>
    public DateTimeOffset MarketAsOfLatest { get; private set; }

    /// <summary>Accounts added.</summary>
    public long Accounts { get; private set; }

    /// <summary>Accounts that could not be valued.</summary>
    public long Skipped { get; private set; }

    /// <summary>One tally per scenario, in rulebook order.</summary>
    public IReadOnlyList<ScenarioTally> Tallies => _tallies;

    /// <summary>Rebuilds a partial from its parts (e.g. received from another silo).</summary>
    public static HouseStress Restore(
        string rulebookVersion, double guaranteeFund, DateTimeOffset asOf, DateTimeOffset asOfLatest, long accounts, long skipped, IReadOnlyList<ScenarioTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var top = tallies.Count > 0 ? tallies[0].Capacity : DefaultTop;
        var house = new HouseStress(rulebookVersion, [.. tallies.Select(t => t.Scenario)], guaranteeFund, asOf, top)
        {
            MarketAsOfLatest = asOfLatest, Accounts = accounts, Skipped = skipped,
        };
        for (var s = 0; s < tallies.Count; s++)
        {
            house._tallies[s].Merge(tallies[s]);
        }

        return house;
    }

    /// <summary>Values every book under every scenario and adds it (tests, the simulator, small houses).</summary>
    public static HouseStress Of(StressMarket market, IEnumerable<(string Id, AccountBook Book)> accounts, int top = DefaultTop)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var house = new HouseStress(market, top);
        var outcomes = new StressOutcome[market.Count];
        foreach (var (id, book) in accounts)
        {
            market.Evaluate(book, outcomes);
            house.Add(id, outcomes);
        }

        return house;
    }

    /// <summary>Adds one account's outcomes (one per scenario, in order). No allocation.</summary>
    public void Add(string accountId, ReadOnlySpan<StressOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        if (outcomes.Length < _tallies.Length)
        {
            throw new ArgumentException("one outcome per scenario is needed", nameof(outcomes));
        }

        for (var s = 0; s < _tallies.Length; s++)
        {
            if (!double.IsFinite(outcomes[s].Ae) || !double.IsFinite(outcomes[s].AeStressed))
            {
                throw new ArgumentException($"account {accountId}: scenario {s} is not finite", nameof(outcomes));
            }
        }

        for (var s = 0; s < _tallies.Length; s++)
        {
            _tallies[s].Add(accountId, outcomes[s]);
        }

        Accounts++;
    }

    /// <summary>Counts an account that could not be valued.</summary>
    public void Skip() => Skipped++;

    /// <summary>Adds a partial over other accounts (same rulebook version and scenarios).</summary>
    /// <exception cref="ArgumentException">The partials used another rulebook version, scenarios or top size.</exception>
    public void Merge(HouseStress other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.RulebookVersion != RulebookVersion || other._tallies.Length != _tallies.Length)
        {
            throw new ArgumentException($"cannot merge a run of rulebook {other.RulebookVersion} ({other._tallies.Length} scenarios) into {RulebookVersion} ({_tallies.Length})", nameof(other));
        }

        for (var s = 0; s < _tallies.Length; s++)
        {
            if (other._tallies[s].Scenario != _tallies[s].Scenario || other._tallies[s].Capacity != _tallies[s].Capacity)
            {
                throw new ArgumentException($"scenario {s} is '{other._tallies[s].Scenario}' there and '{_tallies[s].Scenario}' here (or the top sizes differ)", nameof(other));
            }
        }

        for (var s = 0; s < _tallies.Length; s++)
        {
            _tallies[s].Merge(other._tallies[s]);
        }

        Accounts += other.Accounts;
        Skipped += other.Skipped;
        MarketAsOf = other.MarketAsOf < MarketAsOf ? other.MarketAsOf : MarketAsOf;
        MarketAsOfLatest = other.MarketAsOfLatest > MarketAsOfLatest ? other.MarketAsOfLatest : MarketAsOfLatest;
    }

    /// <summary>The house figures of the accounts added and merged so far.</summary>
    public HouseStressResult Result()
    {
        var scenarios = new HouseScenarioFigures[_tallies.Length];
        var worst = -1;
        for (var s = 0; s < _tallies.Length; s++)
        {
            var t = _tallies[s];
            var top = t.Top.ToArray();
            var cover1 = top.Length > 0 ? top[0].Deficit : 0;
            var cover2 = cover1 + (top.Length > 1 ? top[1].Deficit : 0);
            scenarios[s] = new HouseScenarioFigures
            {
                Scenario = t.Scenario,
                TotalPnl = t.Pnl.Value,
                TotalDeficit = t.Deficit.Value,
                AccountsInDeficit = t.InDeficit,
                Cover1 = cover1,
                Cover2 = cover2,
                CoverageRatio = cover2 > 0 ? GuaranteeFund / cover2 : double.PositiveInfinity,
                Top = top,
            };
            if (worst < 0 || cover2 > scenarios[worst].Cover2)
            {
                worst = s;
            }
        }

        return new HouseStressResult
        {
            RulebookVersion = RulebookVersion,
            MarketAsOf = MarketAsOf,
            MarketAsOfLatest = MarketAsOfLatest,
            GuaranteeFund = GuaranteeFund,
            Accounts = Accounts,
            Skipped = Skipped,
            Scenarios = scenarios,
            WorstScenario = worst,
        };
    }
}

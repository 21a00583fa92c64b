using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;
using Grid.Risk.Scenarios;

namespace Grid.Risk.Market;

/// <summary>
/// A rulebook, a set of instruments and a market compiled together: dense indexes for groups,
/// assets and instruments, and each instrument's per-contract risk array. Immutable and shared by
/// every account evaluated against it; a price move produces a new model with the moved
/// instruments recompiled (<see cref="Reprice"/>).
/// </summary>
public sealed class RiskModel
{
    private readonly Dictionary<string, int> _groupIndex;
    private readonly Dictionary<string, int> _assetIndex;
    private readonly Dictionary<string, int> _instrumentIndex;

    private readonly InstrumentCompiler _compiler;

    private RiskModel(Rulebook rulebook, MarketSnapshot market, GroupModel[] groups, AssetRisk[] assets, InstrumentRisk[] instruments, InstrumentCompiler compiler, RiskModel? previous)
    {
        _compiler = compiler;
        var ids = Array.ConvertAll(instruments, i => i.Spec.Id);
        var codes = Array.ConvertAll(assets, a => a.Rule.Name);
        var names = Array.ConvertAll(groups, g => g.Name);
        var counts = Array.ConvertAll(groups, g => g.Scenarios);
        Layout = previous is not null && previous.Layout.SameAs(ids, codes, names, counts)
            ? previous.Layout
            : new ModelLayout(ids, codes, names, counts);
        Rulebook = rulebook;
        Market = market;
        Groups = groups;
        Assets = assets;
        Instruments = instruments;
        _groupIndex = Index(groups, g => g.Name);
        _assetIndex = Index(assets, a => a.Rule.Name);
        _instrumentIndex = Index(instruments, i => i.Spec.Id);
        Usd = _assetIndex["USD"];
        CreditPairs = rulebook.Credits
            .Select(c => new CreditPair(_groupIndex[c.GroupA], _groupIndex[c.GroupB], c.Rate, c.Ratio))
            .ToArray();
    }

    /// <summary>The methodology parameters.</summary>
    public Rulebook Rulebook { get; }

    /// <summary>The indexing, shared with the previous model when the catalog did not change.</summary>
    public ModelLayout Layout { get; }

    /// <summary>The market the arrays were computed from.</summary>
    public MarketSnapshot Market { get; }

    /// <summary>Groups by dense index.</summary>
    public GroupModel[] Groups { get; }

    /// <summary>Assets by dense index.</summary>
    public AssetRisk[] Assets { get; }

    /// <summary>Instruments by dense index.</summary>
    public InstrumentRisk[] Instruments { get; }

    /// <summary>Credit pairs in priority order.</summary>
    public CreditPair[] CreditPairs { get; }

    /// <summary>Index of the USD asset.</summary>
    public int Usd { get; }

    /// <summary>Compiles <paramref name="instruments"/> against <paramref name="market"/>.</summary>
    /// <param name="rulebook">The methodology parameters.</param>
    /// <param name="instruments">The instruments to compile.</param>
    /// <param name="market">Prices, vols and rates.</param>
    /// <param name="skipped">When given, instruments that cannot be compiled are left out and their errors
    /// collected here (a live catalog keeps trading the rest); otherwise the first error is thrown.</param>
    /// <param name="previous">The model this one replaces: its <see cref="Layout"/> is reused when unchanged, and so
    /// are its compiled groups and instruments whose inputs did not move (<see cref="MovedGroups"/>).</param>
    /// <exception cref="RiskInputException">An instrument is inconsistent or its market data is missing or invalid.</exception>
    public static RiskModel Build(
        Rulebook rulebook, IReadOnlyList<Instrument> instruments, MarketSnapshot market, ICollection<RiskInputException>? skipped = null, RiskModel? previous = null)
    {
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in rulebook.Groups.Keys)
        {
            groupIndex[name] = groupIndex.Count;
        }

        var instants = GroupInstants.Of(rulebook, groupIndex, instruments, market);
        var unmoved = previous is null ? null : UnmovedGroups.Find(previous, rulebook, instruments, market, instants);
        return (unmoved is null ? null : TryBuild(rulebook, instruments, market, groupIndex, instants, skipped, previous, unmoved))
            ?? TryBuild(rulebook, instruments, market, groupIndex, instants, skipped, previous, null)!;
    }

    // With unmoved groups, their compiled groups and instruments come from the previous model, which
    // needs the same layout: when an instrument the previous model priced fails, or one it left out
    // compiles, this returns null and the caller compiles everything.
    private static RiskModel? TryBuild(
        Rulebook rulebook, IReadOnlyList<Instrument> instruments, MarketSnapshot market, Dictionary<string, int> groupIndex,
        DateTimeOffset[] instants, ICollection<RiskInputException>? skipped, RiskModel? previous, bool[]? unmoved)
    {
        var groups = new GroupModel[groupIndex.Count];
        var scenarios = new ScenarioGrid[groups.Length];
        foreach (var (name, g) in groupIndex)
        {
            scenarios[g] = unmoved?[g] == true ? previous!.Groups[g].Grid : ScenarioGrid.For(rulebook.Groups[name]);
        }

        var assets = AssetCompiler.Compile(rulebook, market, groupIndex, scenarios);
        if (unmoved is not null)
        {
            for (var a = 0; a < assets.Length; a++)
            {
                assets[a] = assets[a].Price.Equals(previous!.Assets[a].Price) ? previous.Assets[a] : assets[a];
            }
        }

        var assetIndex = Index(assets, a => a.Rule.Name);
        var compiler = new InstrumentCompiler(rulebook, market, groupIndex, scenarios, assetIndex, assets, instants);
        var compiled = new List<InstrumentRisk>(instruments.Count);
        var left = unmoved is null ? skipped : new List<RiskInputException>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in instruments)
        {
            var known = unmoved is not null && previous!.TryGetInstrument(spec.Id, out var p) && p == compiled.Count;
            try
            {
                if (!seen.Add(spec.Id))
                {
                    throw new RiskInputException($"instruments.{spec.Id}", "is listed twice");
                }

                var carried = known ? previous!.Instruments[compiled.Count] : null;
                var risk = carried is { Group: >= 0 } && !carried.Kind.IsCash() && unmoved![carried.Group] ? carried : compiler.Compile(compiled.Count, spec);
                if (unmoved is not null && !known)
                {
                    return null;
                }

                compiled.Add(risk);
            }
            catch (RiskInputException e) when (left is not null && !known)
            {
                left.Add(e);
            }
            catch (RiskInputException) when (unmoved is not null)
            {
                return null;
            }
        }

        if (unmoved is not null && (compiled.Count != previous!.Instruments.Length || (left!.Count > 0 && skipped is null)))
        {
            return null;
        }

        if (unmoved is not null && skipped is not null)
        {
            foreach (var e in left!)
            {
                skipped.Add(e);
            }
        }

        foreach (var (name, g) in groupIndex)
        {
            groups[g] = unmoved?[g] == true
                ? previous!.Groups[g]
                : new GroupModel(g, rulebook.Groups[name], scenarios[g], compiler.SlotForwards(g), instants[g]);
        }

        return new RiskModel(rulebook, market, groups, assets, [.. compiled], compiler, previous);
    }

    /// <summary>
    /// The groups whose inputs moved between <paramref name="since"/> and this model (bit g = group g; groups
    /// from 63 on share bit 63): those whose compiled group this model does not share with it. Every bit when
    /// the layout or the rulebook differ.
    /// </summary>
    public ulong MovedGroups(RiskModel since)
    {
        ArgumentNullException.ThrowIfNull(since);
        if (!ReferenceEquals(Layout, since.Layout) || !ReferenceEquals(Rulebook, since.Rulebook))
        {
            return ulong.MaxValue;
        }

        ulong mask = 0;
        for (var g = 0; g < Groups.Length; g++)
        {
            if (!ReferenceEquals(Groups[g], since.Groups[g]))
            {
                mask |= 1UL << Math.Min(g, 63);
            }
        }

        return mask;
    }

    /// <summary>A model for a new market with the same rulebook and instruments.</summary>
    public RiskModel Reprice(MarketSnapshot market)
        => Build(Rulebook, Array.ConvertAll(Instruments, i => i.Spec), market, previous: this);

    /// <summary>Recomputes one instrument's risk array, delta and value against this model's market.</summary>
    /// <exception cref="RiskInputException">Unknown instrument or invalid market data.</exception>
    public InstrumentRisk RecompileInstrument(string id) => _compiler.Compile(Instrument(id).Index, Instrument(id).Spec);

    /// <summary>Finds a group by name.</summary>
    public bool TryGetGroup(string name, out int index) => _groupIndex.TryGetValue(name, out index);

    /// <summary>Finds an asset by code.</summary>
    public bool TryGetAsset(string code, out int index) => _assetIndex.TryGetValue(code, out index);

    /// <summary>Finds an instrument by id.</summary>
    public bool TryGetInstrument(string id, out int index) => _instrumentIndex.TryGetValue(id, out index);

    /// <summary>The instrument with id <paramref name="id"/>.</summary>
    /// <exception cref="RiskInputException">Unknown instrument.</exception>
    public InstrumentRisk Instrument(string id)
        => _instrumentIndex.TryGetValue(id, out var i) ? Instruments[i] : throw new RiskInputException($"instrument {id}", "is unknown");

    /// <summary>The asset with code <paramref name="code"/>.</summary>
    /// <exception cref="RiskInputException">Unknown asset.</exception>
    public AssetRisk Asset(string code)
        => _assetIndex.TryGetValue(code, out var i) ? Assets[i] : throw new RiskInputException($"asset {code}", "is unknown");

    private static Dictionary<string, int> Index<T>(T[] items, Func<T, string> key)
    {
        var map = new Dictionary<string, int>(items.Length, StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            map[key(items[i])] = i;
        }

        return map;
    }
}

using Grid.Risk.Accounts;
using Grid.Risk.Market;
using Grid.Risk.Regimes;
using Grid.Risk.Rulebooks;
using Grid.Risk.Supervision;
using Grid.Risk.Tests.Stress;

namespace Grid.Risk.Tests.Supervision;

/// <summary>Cross-margin dependency (§5.4): per account against a rulebook without credits, house-wide merged exactly.</summary>
public sealed class CreditDependencyTests
{
    [Fact]
    public void HedgedAccount_LeavesOkWithoutCredits()
    {
        var model = StressHouse.Model();
        var book = AccountBook.Create(model, new Portfolio
        {
            Balances = new Dictionary<string, double> { ["USD"] = 15_000 },
            Positions = [new Position("BTC-PERP", 1, 60_010), new Position("ETH-PERP", -20, 3_001)],
        });
        var d = CreditDependency.Of(book);
        var pair = Assert.Single(d.Credits);
        Assert.Equal(("BTC", "ETH", "BTC/ETH"), (pair.GroupA, pair.GroupB, pair.Pair));
        Assert.Equal(0.5 * 60_010 * (0.16 + 0.20), pair.Credit, 6);
        Assert.Equal(d.CreditTotal, d.CreditTotalPositions);
        Assert.Equal(d.Im + d.CreditTotal, d.ImWithoutCredits, 9);
        Assert.Equal(d.Mm + 0.8 * d.CreditTotalPositions, d.MmWithoutCredits, 9);
        Assert.Equal(AccountState.Ok, d.State);
        Assert.Equal(AccountState.Liquidate, d.StateWithoutCredits);
        Assert.True(d.LeavesOk);
        Assert.Equal(d.ImWithoutCredits - 15_000, d.CalledIm, 9);
        var siloed = SiloedMargin.Compare(book);
        Assert.Equal((siloed.SiloedTotal, siloed.CrossTotal), (d.SiloedTotal, d.CrossTotal));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    public void WithoutCredits_EqualsTheSameAccountUnderARulebookWithoutCredits(double buffer)
    {
        var rulebook = Rulebook.Default with { Apc = new ApcRules { Buffer = buffer } };
        var model = StressHouse.Model(rulebook);
        var noCredits = RiskModel.Build(rulebook with { Credits = [] }, [.. model.Instruments.Select(i => i.Spec)], model.Market);
        var random = new Random(7);
        var changed = 0;
        foreach (var (id, book) in StressHouse.Accounts(model, 200, 21))
        {
            if (random.Next(3) == 0)
            {
                book.AddOrder(new RestingOrder("ETH-PERP", random.Next(2) == 0 ? Side.Buy : Side.Sell, 30, 3_000, "o"));
            }

            book.PreviousState = random.Next(4) == 0 ? AccountState.Liquidate : null;
            var d = CreditDependency.Of(book);
            var reference = book.Clone();
            reference.Rebuild(noCredits);
            var f = reference.Figures();
            Assert.True(Math.Abs(f.Im - d.ImWithoutCredits) < 1e-6, $"{id}: IM {f.Im} vs {d.ImWithoutCredits}");
            Assert.True(Math.Abs(f.Mm - d.MmWithoutCredits) < 1e-6, $"{id}: MM {f.Mm} vs {d.MmWithoutCredits}");
            Assert.Equal(f.State, d.StateWithoutCredits);
            changed += d.State != d.StateWithoutCredits ? 1 : 0;
        }

        Assert.True(changed > 0);
    }

    [Fact]
    public void StdAccount_IsUnchanged()
    {
        var book = AccountBook.Create(StressHouse.Model(), new Portfolio
        {
            Regime = MarginRegime.Std,
            Balances = new Dictionary<string, double> { ["USD"] = 15_000 },
            Positions = [new Position("BTC-PERP", 1, 60_010), new Position("ETH-PERP", -20, 3_001)],
        });
        var d = CreditDependency.Of(book);
        Assert.Empty(d.Credits);
        Assert.Equal((d.Im, d.Mm, d.State), (d.ImWithoutCredits, d.MmWithoutCredits, d.StateWithoutCredits));
        Assert.False(d.LeavesOk);
    }

    [Theory]
    [MemberData(nameof(ConformanceCase.Ids), MemberType = typeof(ConformanceCase))]
    public void Case_SiloedCrossAndCredits_MatchTheCaseFile(string id)
    {
        var @case = ConformanceCase.Get(id);
        var d = CreditDependency.Of(@case.Book());
        var siloed = @case.Expected.GetProperty("siloed");
        var c = new FigureComparer();
        c.Money("siloedTotal", d.SiloedTotal, siloed, "siloedTotal");
        c.Money("crossTotal", d.CrossTotal, siloed, "crossTotal");
        c.Money("creditTotal", d.CreditTotal, @case.Expected.GetProperty("eval"), "creditTotal");
        c.Money("IM without credits", d.ImWithoutCredits, @case.Expected.GetProperty("eval").GetProperty("IM").GetDouble() + d.CreditTotal);
        Assert.True(c.Count == 0, $"{id}:\n{c}");
    }

    [Fact]
    public void House_MergedPartialsEqualOnePass()
    {
        var model = StressHouse.Model();
        var books = StressHouse.Accounts(model, 198, 21).Select(a => a.Book).ToList();
        foreach (var usd in new[] { 15_000.0, 20_000.0 })
        {
            books.Insert(books.Count / 3, AccountBook.Create(model, new Portfolio
            {
                Balances = new Dictionary<string, double> { ["USD"] = usd },
                Positions = [new Position("BTC-PERP", 1, 60_010), new Position("ETH-PERP", -20, 3_001)],
            }));
        }

        var one = HouseDependency.Of(books);
        var merged = new HouseDependency();
        foreach (var part in books.Chunk(37).Reverse())
        {
            var partial = HouseDependency.Of(part);
            merged.Merge(HouseDependency.Restore(partial.Accounts, partial.Skipped, partial.LeavingOk, partial.Sums, partial.Pairs, partial.Transitions.All()));
        }

        var a = one.Result();
        var b = merged.Result();
        Assert.Equal(a with { Credits = [], CreditsPositions = [], Transitions = [] }, b with { Credits = [], CreditsPositions = [], Transitions = [] });
        Assert.Equal(a.Credits, b.Credits);
        Assert.Equal(a.CreditsPositions, b.CreditsPositions);
        Assert.Equal(a.Transitions, b.Transitions);

        var each = books.Select(CreditDependency.Of).ToList();
        Assert.Equal(200, a.Accounts);
        Assert.Equal(each.Sum(d => d.SiloedTotal), a.SiloedTotal, 1e-6);
        Assert.Equal(each.Sum(d => d.CreditTotal), a.CreditTotal, 1e-6);
        Assert.Equal(each.Count(d => d.LeavesOk), a.LeavingOk);
        Assert.Equal(each.Sum(d => d.CalledIm), a.CalledIm, 1e-6);
        Assert.Equal(a.CreditTotal, a.Credits.Sum(p => p.Credit), 1e-6);
        Assert.True(a.LeavingOk > 0);
        Assert.Equal(a.LeavingOk, a.Transitions.Where(t => t.From == AccountState.Ok).Sum(t => t.Count));
    }
}

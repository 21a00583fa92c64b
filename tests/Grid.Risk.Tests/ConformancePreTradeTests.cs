using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Market;

namespace Grid.Risk.Tests;

/// <summary>Every seeded case's candidate order: decision, figures and max order size (Rulebook §3.8, §4 items 17, 25).</summary>
public sealed class ConformancePreTradeTests
{
    [Theory]
    [MemberData(nameof(ConformanceCase.Ids), MemberType = typeof(ConformanceCase))]
    public void Check_Case_MatchesExpectedDecision(string id)
    {
        var @case = ConformanceCase.Get(id);
        var book = @case.Book();
        var o = @case.Order;
        var r = book.Check(o.Instrument, o.Side, o.Qty, o.Price);
        var c = new FigureComparer();
        Expect.PreTrade(c, r, @case.Expected.GetProperty("pretrade"));
        Assert.True(c.Count == 0, $"{id} ({@case.Category}):\n{c}");
    }

    [Theory]
    [MemberData(nameof(ConformanceCase.Ids), MemberType = typeof(ConformanceCase))]
    public void MaxOrderSize_Case_MatchesExpected(string id)
    {
        var @case = ConformanceCase.Get(id);
        var book = @case.Book();
        var max = MaxOrderSize.Of(book, @case.Order.Instrument, @case.Order.Side, @case.Order.Price);
        var c = new FigureComparer();
        Expect.MaxOrderSize(c, max, @case.Expected.GetProperty("maxOrderSize"));
        Assert.True(c.Count == 0, $"{id}: {c}");
    }

    [Theory]
    [MemberData(nameof(ConformanceCase.Ids), MemberType = typeof(ConformanceCase))]
    public void CheckFast_Case_AgreesWithReference(string id)
    {
        var @case = ConformanceCase.Get(id);
        var book = @case.Book();
        var risk = book.Model.Instrument(@case.Order.Instrument);
        var fast = book.Check(risk.Index, @case.Order.Side, @case.Order.Qty, @case.Order.Price);
        var reference = book.CheckReference(risk, @case.Order.Side, @case.Order.Qty, @case.Order.Price);
        Assert.Equal(reference.Decision, fast.Decision);
        Assert.Equal(reference.Im, fast.Im, 1e-6);
        Assert.Equal(reference.Mm, fast.Mm, 1e-6);
        Assert.Equal(reference.Ae, fast.Ae, 1e-6);
    }
}

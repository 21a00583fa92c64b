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
        var e = @case.Expected.GetProperty("pretrade");
        var c = new FigureComparer();
        c.Equal("decision", Name(r.Decision), e.GetProperty("decision").GetString());
        c.Money("shortfall", r.Shortfall, e, "shortfall");
        c.Money("IM", r.Im, e, "IM");
        c.Money("AE", r.Ae, e, "AE");
        c.Money("MM", r.Mm, e, "MM");
        c.Money("excess", r.Excess, e, "excess");
        c.Money("IMBefore", r.ImBefore, e, "IMBefore");
        c.Money("MMBefore", r.MmBefore, e, "MMBefore");
        c.Money("orderOpenLoss", r.OrderOpenLoss, e, "orderOpenLoss");
        c.Money("orderFee", r.OrderFee, e, "orderFee");
        c.Money("orderCost", r.OrderCost, e, "orderCost");
        c.Money("orderCosts", r.OrderCosts, e, "orderCosts");
        c.Money("creditTotal", r.CreditTotal, e, "creditTotal");
        Assert.True(c.Count == 0, $"{id} ({@case.Category}):\n{c}");
    }

    [Theory]
    [MemberData(nameof(ConformanceCase.Ids), MemberType = typeof(ConformanceCase))]
    public void MaxOrderSize_Case_MatchesExpected(string id)
    {
        var @case = ConformanceCase.Get(id);
        var e = @case.Expected.GetProperty("maxOrderSize");
        if (!e.GetProperty("uniqueOnProbe").GetBoolean())
        {
            return;
        }

        var book = @case.Book();
        var max = MaxOrderSize.Of(book, @case.Order.Instrument, @case.Order.Side, @case.Order.Price);
        var expected = e.GetProperty("maxQty").GetDouble();
        var tolerance = Math.Max(1e-6, e.GetProperty("qTolerance").GetDouble());
        Assert.True(Math.Abs(max - expected) <= tolerance, $"{id}: max size expected {expected:R}, got {max:R}");

        // Tighter than the case's tolerance below the boundary: the largest passing multiple of 1e-6 is
        // never more than one micro-unit under the reference (above it, the reference's own qTolerance).
        Assert.True(expected - max < 1e-6 + 1e-9, $"{id}: max size {max:R} is more than 1e-6 under {expected:R}");
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

    internal static string Name(Decision d) => d switch
    {
        Decision.Accept => "ACCEPT",
        Decision.AcceptRiskReducing => "ACCEPT_RISK_REDUCING",
        _ => "REJECT",
    };
}

using Grid.Risk.Accounts;

namespace Grid.Risk.Tests.Books;

/// <summary>
/// A book's arrays follow what the account holds, not the catalog (issue 16: bytes per resident account), and
/// growing them changes no figure.
/// </summary>
public sealed class BookSizingTests
{
    [Fact]
    public void AnAccountWithOnePositionAndFiveOrders_KeepsOneHoldingAndSixOrderSlots()
    {
        var book = TestMarket.Account(1_000_000, new Position("BTC-PERP", 1, 60_000));
        for (var o = 0; o < 5; o++)
        {
            book.AddOrder(new RestingOrder("BTC-PERP", Side.Buy, 0.1, 59_000 - 100 * o, $"o{o}"));
        }

        Assert.Equal(1, book.HoldingCount);
        Assert.Single(book.Holdings);
        Assert.Equal(5, book.OrderCount);
        Assert.Equal(6, book.Orders.Length);
    }

    [Fact]
    public void AnEmptyBook_HoldsNoHoldingOrOrderSlots()
    {
        var book = AccountBook.Create(TestMarket.Model(), new Portfolio());

        Assert.Empty(book.Holdings);
        Assert.Empty(book.Orders);
    }

    [Fact]
    public void ABookGrownOrderByOrder_HasTheFiguresOfOneBuiltAtOnce()
    {
        var model = TestMarket.Model();
        var grown = AccountBook.Create(model, new Portfolio { Balances = new Dictionary<string, double> { ["USD"] = 2_000_000 } });
        var call = TestMarket.Call.Id;
        for (var o = 0; o < 11; o++)
        {
            // Two instruments, both sides, past every growth step of both arrays (1, 2 holdings; 4, 6, 9, 13 orders).
            var instrument = o % 3 == 2 ? call : "BTC-PERP";
            var side = o % 2 == 0 ? Side.Buy : Side.Sell;
            var price = instrument == call ? 3_000 + 10 * o : (side == Side.Buy ? 59_000 - 50 * o : 61_000 + 50 * o);
            grown.AddOrder(new RestingOrder(instrument, side, 0.1 + 0.01 * o, price, $"o{o}"));
        }

        var built = AccountBook.Create(model, grown.ToPortfolio());
        var (a, b) = (grown.Figures(), built.Figures());

        Assert.Equal(2, grown.HoldingCount);
        Assert.Equal(11, grown.OrderCount);
        Assert.Equal(b.Im, a.Im, 6);
        Assert.Equal(b.Mm, a.Mm, 6);
        Assert.Equal(b.Ae, a.Ae, 6);
        Assert.Equal(b.State, a.State);
    }

    [Fact]
    public void ARebuild_ReusesTheGroupBooksOfTheLastOne()
    {
        var book = TestMarket.Account(1_000_000, new Position("BTC-PERP", 1, 60_000));
        book.AddOrder(new RestingOrder("BTC-PERP", Side.Buy, 0.1, 59_000, "o"));
        var g = book.Model.Instrument("BTC-PERP").Group;
        var first = book.Groups[g];
        var figures = book.Figures();

        book.Rebuild(book.Model);
        var second = book.Groups[g];
        book.Rebuild(book.Model);

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Same(first, book.Groups[g]);
        Assert.Equal(figures.Im, book.Figures().Im, 6);
    }
}

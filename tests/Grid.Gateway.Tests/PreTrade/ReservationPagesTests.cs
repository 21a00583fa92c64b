using Grid.Abstractions.Accounts;
using Grid.Gateway.PreTrade;
using Grid.Gateway.Security;
using Grid.Gateway.Validation;
using Grid.Risk.Accounts;
using Xunit;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.PreTrade;

public sealed class ReservationPagesTests
{
    private readonly Dictionary<string, PortfolioView> _accounts = new()
    {
        ["acc-a"] = Portfolio("acc-a", "o3", "o1", "o2"),
        ["acc-b"] = Portfolio("acc-b"),
        ["acc-c"] = Portfolio("acc-c", "x1", "x2"),
    };

    [Fact]
    public async Task List_PagesInAccountThenOrderOrder_AcrossAccounts()
    {
        var pages = Pages();
        var request = Request("acc-c", "acc-a", "acc-b", "acc-zz");
        request.PageSize = 2;
        var seen = new List<string>();

        var page = await pages.List(request, defaultPageSize: 100, Admin);
        var count = 1;
        seen.AddRange(page.Reservations.Select(r => $"{r.AccountId}/{r.ClientOrderId}"));
        while (page.NextPageToken.Length > 0)
        {
            request.PageToken = page.NextPageToken;
            page = await pages.List(request, defaultPageSize: 100, Admin);
            seen.AddRange(page.Reservations.Select(r => $"{r.AccountId}/{r.ClientOrderId}"));
            count++;
        }

        Assert.Equal(new[] { "acc-a/o1", "acc-a/o2", "acc-a/o3", "acc-c/x1", "acc-c/x2" }, seen.ToArray());
        Assert.Equal(3, count);
    }

    [Fact]
    public async Task List_OrderRemovedBetweenPages_DoesNotSkipTheNext()
    {
        var pages = Pages();
        var request = Request("acc-a");
        request.PageSize = 1;

        var first = await pages.List(request, 100, Admin);
        _accounts["acc-a"] = Portfolio("acc-a", "o2", "o3");
        request.PageToken = first.NextPageToken;
        var second = await pages.List(request, 100, Admin);

        Assert.Equal("o1", first.Reservations.Single().ClientOrderId);
        Assert.Equal("o2", second.Reservations.Single().ClientOrderId);
    }

    [Fact]
    public async Task List_NeitherOrBoth_IsInvalidField()
    {
        var pages = Pages();
        var both = Request("acc-a");
        both.VenueId = "venue-1";

        Assert.Equal("account_ids", (await Assert.ThrowsAsync<InvalidFieldException>(() => pages.List(new Wire.ListReservationsRequest(), 100, Admin))).Field);
        Assert.Equal("account_ids", (await Assert.ThrowsAsync<InvalidFieldException>(() => pages.List(both, 100, Admin))).Field);
    }

    [Fact]
    public async Task List_ForeignToken_IsInvalidField()
    {
        var request = Request("acc-a");
        request.PageToken = "bm90LWEtY3Vyc29y";

        var e = await Assert.ThrowsAsync<InvalidFieldException>(() => Pages().List(request, 100, Admin));

        Assert.Equal("page_token", e.Field);
    }

    [Fact]
    public async Task List_BadAccountId_NamesItsIndex()
    {
        var e = await Assert.ThrowsAsync<InvalidFieldException>(() => Pages().List(Request("acc-a", ""), 100, Admin));

        Assert.Equal("account_ids[1]", e.Field);
    }

    private static Wire.ListReservationsRequest Request(params string[] accounts)
    {
        var request = new Wire.ListReservationsRequest();
        request.AccountIds.Add(accounts);
        return request;
    }

    private static PortfolioView Portfolio(string account, params string[] orders) => new()
    {
        AccountId = account,
        Orders = [.. orders.Select(o => new OrderLine(o, "BTC-PERP", Side.Buy, 1, 100, DateTimeOffset.UnixEpoch, false))],
    };

    private static readonly Caller Admin = new("ops", GatewayRole.Admin, []);

    private ReservationPages Pages() => new(Lookup, (_, _, _) => throw new InvalidOperationException("no venue index in these tests"), (_, _) => { });

    private Task<PortfolioView?> Lookup(string account) => Task.FromResult(_accounts.GetValueOrDefault(account));
}

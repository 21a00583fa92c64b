using Grid.Abstractions.Accounts;
using Grid.Gateway.PreTrade;
using Grid.Gateway.Security;
using Grid.Gateway.Validation;
using Grid.Risk.Accounts;
using Grpc.Core;
using Xunit;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.PreTrade;

/// <summary>ListReservations by venue_id over a stand-in index of accounts by venue.</summary>
public sealed class VenueReservationPagesTests
{
    private static readonly Caller VenueA = new("venue-a", GatewayRole.Engine, ["*"]);

    private readonly Dictionary<string, PortfolioView> _accounts = new()
    {
        ["acc-1"] = Portfolio("acc-1", ("o3", "venue-a"), ("o1", "venue-a"), ("b1", "venue-b")),
        ["acc-2"] = Portfolio("acc-2", ("b2", "venue-b")),
        ["acc-3"] = Portfolio("acc-3", ("x2", "venue-a"), ("x1", "venue-a")),
    };

    // The venue's index: acc-2 is listed although it holds venue-b orders only (over-inclusion), acc-9 does not exist.
    private readonly SortedSet<string> _indexA = new(StringComparer.Ordinal) { "acc-1", "acc-2", "acc-3", "acc-9" };
    private readonly List<(string Account, string Venue)> _left = [];
    private readonly List<string> _indexPages = [];

    [Fact]
    public async Task List_ByVenue_OnlyThatVenuesOrders_InAccountThenOrderOrder_PagedAcrossAccounts()
    {
        var request = new Wire.ListReservationsRequest { VenueId = "venue-a", PageSize = 2 };
        var seen = new List<string>();
        var pages = 0;
        do
        {
            var page = await Pages(batch: 2).List(request, 100, VenueA);
            seen.AddRange(page.Reservations.Select(r => $"{r.AccountId}/{r.ClientOrderId}/{r.VenueId}"));
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(new[] { "acc-1/o1/venue-a", "acc-1/o3/venue-a", "acc-3/x1/venue-a", "acc-3/x2/venue-a" }, seen.ToArray());
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task List_ByVenue_ReadsTheIndexOnly_AndListedAccountsWithoutAnOrderLeave()
    {
        var page = await Pages(batch: 2).List(new Wire.ListReservationsRequest { VenueId = "venue-a" }, 100, VenueA);

        Assert.Equal(4, page.Reservations.Count);
        Assert.Equal("", page.NextPageToken);
        Assert.Equal(new[] { "", "acc-2", "acc-9" }, _indexPages.ToArray());
        Assert.Equal(new[] { ("acc-2", "venue-a"), ("acc-9", "venue-a") }, _left.ToArray());
    }

    [Fact]
    public async Task List_OrderRemovedBetweenPages_ResumesAfterTheLastListed()
    {
        var request = new Wire.ListReservationsRequest { VenueId = "venue-a", PageSize = 1 };
        var first = await Pages(batch: 8).List(request, 100, VenueA);
        _accounts["acc-1"] = Portfolio("acc-1", ("o3", "venue-a"));
        request.PageToken = first.NextPageToken;
        var second = await Pages(batch: 8).List(request, 100, VenueA);

        Assert.Equal("o1", first.Reservations.Single().ClientOrderId);
        Assert.Equal("o3", second.Reservations.Single().ClientOrderId);
    }

    [Fact]
    public async Task List_AnotherVenue_IsPermissionDenied_AnAdminMayNameAny()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => Pages(8).List(new Wire.ListReservationsRequest { VenueId = "venue-b" }, 100, VenueA));
        var admin = await Pages(8).List(new Wire.ListReservationsRequest { VenueId = "venue-a" }, 100, new Caller("ops", GatewayRole.Admin, []));

        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Contains("venue_id", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(4, admin.Reservations.Count);
    }

    [Fact]
    public async Task List_ScopedEngine_SeesOnlyItsAccounts_AndLeavesTheOthersListed()
    {
        var scoped = new Caller("venue-a", GatewayRole.Engine, ["acc-3"]);

        var page = await Pages(8).List(new Wire.ListReservationsRequest { VenueId = "venue-a" }, 100, scoped);

        Assert.Equal(new[] { "x1", "x2" }, page.Reservations.Select(r => r.ClientOrderId).ToArray());
        Assert.Empty(_left);
    }

    [Fact]
    public async Task List_TokenOfTheOtherListing_OrBadVenue_IsInvalidField()
    {
        var byAccount = await Pages(8).List(new Wire.ListReservationsRequest { AccountIds = { "acc-1" }, PageSize = 1 }, 100, VenueA);
        var foreign = new Wire.ListReservationsRequest { VenueId = "venue-a", PageToken = byAccount.NextPageToken };

        Assert.Equal("page_token", (await Assert.ThrowsAsync<InvalidFieldException>(() => Pages(8).List(foreign, 100, VenueA))).Field);
        Assert.Equal("venue_id", (await Assert.ThrowsAsync<InvalidFieldException>(() => Pages(8).List(new Wire.ListReservationsRequest { VenueId = "bad\nid" }, 100, VenueA))).Field);
    }

    private ReservationPages Pages(int batch) => new(
        a => Task.FromResult(_accounts.GetValueOrDefault(a)),
        (venue, after, max) =>
        {
            _indexPages.Add(after);
            Assert.Equal("venue-a", venue);
            Assert.True(max >= 1);
            return Task.FromResult(_indexA.Where(a => string.CompareOrdinal(a, after) > 0).Take(Math.Min(max, batch)).ToArray());
        },
        (account, venue) => _left.Add((account, venue)));

    private static PortfolioView Portfolio(string account, params (string Order, string Venue)[] orders) => new()
    {
        AccountId = account,
        Orders = [.. orders.Select(o => new OrderLine(o.Order, "BTC-PERP", Side.Buy, 1, 100, DateTimeOffset.UnixEpoch, false, o.Venue))],
    };
}

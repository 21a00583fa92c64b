using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Contract;

/// <summary>
/// ListReservations by venue_id against a real host: two venues (the engine keys "test-engine" and
/// "test-venue-b") trade the same accounts; each lists only the orders it checked, in pages across
/// accounts, and may not name the other's venue.
/// </summary>
[Collection(ContractHost.Name)]
public sealed class VenueReservationsContractTests(ContractHostFixture grid)
{
    // The venue-b key may act on "venue-b-*" accounts only; the test-engine key on all.
    private static readonly string[] Accounts = ["venue-b-vl-1", "venue-b-vl-2", "venue-b-vl-3"];

    [Fact]
    public async Task ListReservations_ByVenue_EachVenueListsItsOwnOrders_AcrossAccounts()
    {
        foreach (var a in Accounts)
        {
            await grid.Fund(a, 1_000_000);
        }

        var venueB = new PreTrade.PreTradeClient(grid.Host.ChannelAs(TestKeys.VenueB));
        await using (var a = grid.Stream())
        await using (var b = new EngineStream(venueB))
        {
            foreach (var (engine, account, order) in new[]
            {
                (a, Accounts[0], "a-1"), (b, Accounts[0], "b-1"), (a, Accounts[1], "a-2"), (a, Accounts[1], "a-3"),
                (b, Accounts[2], "b-2"), (a, Accounts[2], "a-4"), (b, Accounts[2], "b-3"),
            })
            {
                Assert.Equal(Decision.Accept, (await engine.Send(Check(0, account, order, "BTC-PERP", Side.Buy, 0.1m, 59_000))).Decision.Decision);
            }

            // Venue B amends venue A's order: it stays venue A's. A cancelled and a filled order leave the listing.
            var amended = await b.Send(new EngineMessage { Amended = new OrderAmended { AccountId = Accounts[2], ClientOrderId = "a-4", Qty = Dec(0.2m), Price = Dec(58_000) } });
            Assert.Equal(Decision.Accept, amended.Decision.Decision);
            var cancelled = await a.Send(Cancel(0, Accounts[1], "a-2"));
            var filled = await b.Send(Fill(0, Accounts[2], "b-2", "vl-t1", 0.1m, 59_000, "BTC-PERP", Side.Buy));
            Assert.True(cancelled.BodyCase == GridMessage.BodyOneofCase.Ack, cancelled.ToString());
            Assert.True(filled.BodyCase == GridMessage.BodyOneofCase.Ack, filled.ToString());
        }

        var listedA = await AllPages(grid.PreTrade, "test-engine", pageSize: 1);
        var listedB = await AllPages(venueB, "test-venue-b", pageSize: 2);

        Assert.Equal(["venue-b-vl-1/a-1", "venue-b-vl-2/a-3", "venue-b-vl-3/a-4"], Mine(listedA));
        Assert.Equal(["venue-b-vl-1/b-1", "venue-b-vl-3/b-3"], Mine(listedB));
        Assert.All(listedA, r => Assert.Equal("test-engine", r.VenueId));
        Assert.All(listedB, r => Assert.Equal("test-venue-b", r.VenueId));
        var a4 = listedA.Single(r => r.ClientOrderId == "a-4");
        Assert.Equal((0.2m, 58_000m), (Num(a4.RemainingQty), Num(a4.Price)));
        // Pages keep the documented order across accounts, whatever else the shared host holds.
        var keys = listedA.Select(r => (r.AccountId, r.ClientOrderId)).ToList();
        Assert.Equal(keys.OrderBy(k => k.AccountId, StringComparer.Ordinal).ThenBy(k => k.ClientOrderId, StringComparer.Ordinal), keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task ListReservations_ByVenue_DocumentedErrors()
    {
        async Task<(StatusCode, ErrorCode, string)> Refused(PreTrade.PreTradeClient client, ListReservationsRequest request)
        {
            var (status, detail) = await ContractHostFixture.Failure(client.ListReservationsAsync(request));
            return (status, detail.Code, detail.Field);
        }

        var venueB = new PreTrade.PreTradeClient(grid.Host.ChannelAs(TestKeys.VenueB));
        var byAccount = await grid.PreTrade.ListReservationsAsync(new ListReservationsRequest { AccountIds = { "pc-venue-token" } });

        Assert.Equal((StatusCode.PermissionDenied, ErrorCode.PermissionDenied, "venue_id"), await Refused(grid.PreTrade, new ListReservationsRequest { VenueId = "test-venue-b" }));
        Assert.Equal((StatusCode.PermissionDenied, ErrorCode.PermissionDenied, "venue_id"), await Refused(venueB, new ListReservationsRequest { VenueId = "test-engine" }));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "venue_id"), await Refused(grid.PreTrade, new ListReservationsRequest { VenueId = new string('v', 300) }));
        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InvalidField, "page_token"), await Refused(grid.PreTrade, new ListReservationsRequest { VenueId = "test-engine", PageToken = "MDpv" }));
        Assert.Equal("", byAccount.NextPageToken);
    }

    private static async Task<List<Reservation>> AllPages(PreTrade.PreTradeClient client, string venue, uint pageSize)
    {
        var request = new ListReservationsRequest { VenueId = venue, PageSize = pageSize };
        var all = new List<Reservation>();
        do
        {
            var page = await client.ListReservationsAsync(request);
            Assert.True(page.Reservations.Count <= pageSize);
            all.AddRange(page.Reservations);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return all;
    }

    private static string[] Mine(IEnumerable<Reservation> listed)
        => [.. listed.Where(r => Accounts.Contains(r.AccountId)).Select(r => $"{r.AccountId}/{r.ClientOrderId}")];
}

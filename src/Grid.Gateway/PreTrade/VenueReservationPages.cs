using Grid.Abstractions.Accounts;
using Grid.Gateway.Accounts;
using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// ListReservations by venue: the resting orders one venue checked, across all accounts, ordered by
/// (account id, client order id). It visits the accounts of the venue's index (Venues.IVenueAccountsGrain)
/// in id order, a batch at a time, so a page costs in proportion to that venue's accounts, not to all
/// accounts. The cursor names the last account and order listed, so accounts joining or leaving between
/// pages shift nothing. An account listed without an order of the venue is asked to leave the index.
/// </summary>
internal sealed class VenueReservationPages(
    Func<string, Task<PortfolioView?>> portfolioOf,
    Func<string, string, int, Task<string[]>> venueAccounts,
    Action<string, string> leaveVenue)
{
    /// <summary>Accounts read at once (their portfolios are fetched concurrently).</summary>
    public const int Batch = 32;

    // Cursors of this listing start with it; the listing by account_ids uses "index:order".
    private const char Marker = '@';

    /// <summary>One page of <paramref name="venue"/>'s reservations on the accounts <paramref name="mayAct"/> allows.</summary>
    public async Task<Wire.ListReservationsResponse> List(string venue, int pageSize, string cursor, Func<string, bool> mayAct)
    {
        var (afterAccount, afterOrder) = Cursor(cursor);
        var response = new Wire.ListReservationsResponse();
        // The account of the cursor is read again first: its orders after the cursor's come before any other account's.
        string[] batch = afterAccount.Length > 0 ? [afterAccount] : await venueAccounts(venue, "", Batch);
        while (batch.Length > 0)
        {
            var portfolios = await Task.WhenAll(Array.ConvertAll(batch, a => mayAct(a) ? portfolioOf(a) : Task.FromResult<PortfolioView?>(null)));
            for (var i = 0; i < batch.Length; i++)
            {
                var account = batch[i];
                if (!mayAct(account))
                {
                    continue;
                }

                var orders = (portfolios[i]?.Orders ?? []).Where(o => string.Equals(o.Venue, venue, StringComparison.Ordinal)).ToList();
                if (orders.Count == 0)
                {
                    leaveVenue(account, venue);
                    continue;
                }

                var skip = account == afterAccount ? afterOrder : "";
                foreach (var order in orders.OrderBy(o => o.ClientOrderId, StringComparer.Ordinal))
                {
                    if (skip.Length > 0 && string.CompareOrdinal(order.ClientOrderId, skip) <= 0)
                    {
                        continue;
                    }

                    if (response.Reservations.Count == pageSize)
                    {
                        // Another reservation exists, so this page is not the last: resume after the last one listed.
                        var last = response.Reservations[^1];
                        response.NextPageToken = PageTokens.Encode($"{Marker}{last.AccountId}\n{last.ClientOrderId}");
                        return response;
                    }

                    response.Reservations.Add(PortfolioMessages.Reservation(account, order));
                }
            }

            batch = await venueAccounts(venue, batch[^1], Batch);
        }

        return response;
    }

    private static (string Account, string Order) Cursor(string cursor)
    {
        if (cursor.Length == 0)
        {
            return ("", "");
        }

        var newline = cursor.IndexOf('\n', StringComparison.Ordinal);
        if (cursor[0] == Marker && newline > 1 && newline < cursor.Length - 1)
        {
            return (cursor[1..newline], cursor[(newline + 1)..]);
        }

        throw InvalidFieldException.Invalid("page_token", "is not a page token of this call");
    }
}

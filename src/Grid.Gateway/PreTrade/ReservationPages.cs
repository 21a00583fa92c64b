using System.Globalization;
using Grid.Abstractions.Accounts;
using Grid.Gateway.Accounts;
using Grid.Gateway.Conversion;
using Grid.Gateway.Faults;
using Grid.Gateway.Security;
using Grid.Gateway.Validation;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// ListReservations: the resting orders of the named accounts, ordered by (account id, client order
/// id), one GetPortfolio call per account visited. The page token is the cursor
/// "accountIndex:lastClientOrderId" into the sorted account list, so an order removed between pages
/// does not shift the next page. Listing by venue (<see cref="VenueReservationPages"/>) reads the
/// venue's index of accounts instead; an engine may only name its own venue (its key id).
/// </summary>
internal sealed class ReservationPages(
    Func<string, Task<PortfolioView?>> portfolioOf,
    Func<string, string, int, Task<string[]>> venueAccounts,
    Action<string, string> leaveVenue)
{
    /// <summary>Most account ids one request may name.</summary>
    public const int MaxAccounts = 1000;

    /// <summary>Largest page, per pretrade.proto.</summary>
    public const int MaxPageSize = 10_000;

    /// <summary>Validates the request and reads one page.</summary>
    public async Task<Wire.ListReservationsResponse> List(Wire.ListReservationsRequest request, int defaultPageSize, Caller caller)
    {
        var accounts = Accounts(request);
        var pageSize = PageTokens.PageSize(request.PageSize, defaultPageSize, MaxPageSize);
        var token = PageTokens.Decode(request.PageToken, "page_token");
        if (request.VenueId.Length > 0)
        {
            return await new VenueReservationPages(portfolioOf, venueAccounts, leaveVenue).List(Venue(request.VenueId, caller), pageSize, token, caller.MayAct);
        }

        var (start, after) = Cursor(token, accounts.Length);
        var response = new Wire.ListReservationsResponse();
        var last = start;
        for (var a = start; a < accounts.Length; a++)
        {
            var portfolio = await portfolioOf(accounts[a]);
            foreach (var order in (portfolio?.Orders ?? []).OrderBy(o => o.ClientOrderId, StringComparer.Ordinal))
            {
                if (a == start && after.Length > 0 && string.CompareOrdinal(order.ClientOrderId, after) <= 0)
                {
                    continue;
                }

                if (response.Reservations.Count == pageSize)
                {
                    // Another reservation exists, so this page is not the last: resume after the last one listed.
                    var cursor = string.Create(CultureInfo.InvariantCulture, $"{last}:{response.Reservations[^1].ClientOrderId}");
                    response.NextPageToken = PageTokens.Encode(cursor);
                    return response;
                }

                response.Reservations.Add(PortfolioMessages.Reservation(accounts[a], order));
                last = a;
            }
        }

        return response;
    }

    private static string[] Accounts(Wire.ListReservationsRequest request)
    {
        if ((request.AccountIds.Count == 0) == (request.VenueId.Length == 0))
        {
            throw InvalidFieldException.Invalid("account_ids", "set exactly one of account_ids and venue_id");
        }

        if (request.AccountIds.Count == 0)
        {
            return [];
        }

        if (request.AccountIds.Count > MaxAccounts)
        {
            throw InvalidFieldException.Invalid("account_ids", $"at most {MaxAccounts} accounts, got {request.AccountIds.Count}");
        }

        for (var i = 0; i < request.AccountIds.Count; i++)
        {
            RequestFields.Key(request.AccountIds[i], $"account_ids[{i}]");
        }

        return [.. request.AccountIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    // An engine's venue is its key id: it lists its own orders only. Admin callers (no key checked: security
    // off, or a test calling the service directly) may name any venue.
    private static string Venue(string venue, Caller caller)
    {
        RequestFields.Key(venue, "venue_id");
        if (caller.Role != GatewayRole.Admin && !string.Equals(venue, caller.Id, StringComparison.Ordinal))
        {
            throw WireErrors.ToRpcException(WireErrors.Detail(Wire.ErrorCode.PermissionDenied, "venue_id", $"key {caller.Id} may only list its own venue ({caller.Id}), not {venue}"));
        }

        return venue;
    }

    private static (int Account, string After) Cursor(string cursor, int accounts)
    {
        if (cursor.Length == 0)
        {
            return (0, "");
        }

        var colon = cursor.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0
            && int.TryParse(cursor.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var account)
            && account < accounts)
        {
            return (account, cursor[(colon + 1)..]);
        }

        throw InvalidFieldException.Invalid("page_token", "is not a page token of this call");
    }
}

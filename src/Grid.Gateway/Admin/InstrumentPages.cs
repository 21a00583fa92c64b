using Grid.Abstractions.Market;
using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Grid.Risk.Instruments;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Admin;

/// <summary>
/// Admin.ListInstruments over the market directory's state: filtered by group and kind, ordered by
/// id, paged by the last id listed (so listings between pages do not shift the next page).
/// </summary>
internal static class InstrumentPages
{
    /// <summary>Largest page, per admin.proto.</summary>
    public const int MaxPageSize = 5000;

    /// <summary>Validates the filters and token, then cuts one page.</summary>
    public static Wire.ListInstrumentsResponse Page(MarketState state, Wire.ListInstrumentsRequest request, int defaultPageSize, DateTimeOffset now, IMarketFeed? market = null)
    {
        var kinds = new HashSet<InstrumentKind>();
        for (var i = 0; i < request.Kinds.Count; i++)
        {
            kinds.Add(WireEnums.TryRead(request.Kinds[i], out var kind) ? kind : throw InvalidFieldException.Invalid($"kinds[{i}]", $"{request.Kinds[i]} is not a known instrument kind"));
        }

        var groups = request.Groups.ToHashSet(StringComparer.Ordinal);
        var after = PageTokens.Decode(request.PageToken, "page_token");
        var pageSize = PageTokens.PageSize(request.PageSize, defaultPageSize, MaxPageSize);
        var matching = state.Instruments
            .Where(i => (groups.Count == 0 || (i.Spec.Group is { } g && groups.Contains(g))) && (kinds.Count == 0 || kinds.Contains(i.Spec.Kind)))
            .Where(i => string.CompareOrdinal(i.Spec.Id, after) > 0)
            .OrderBy(i => i.Spec.Id, StringComparer.Ordinal)
            .Take(pageSize + 1)
            .ToList();
        var response = new Wire.ListInstrumentsResponse();
        response.Instruments.Add(matching.Take(pageSize).Select(i => InstrumentMessages.ToWire(i, now, market)));
        if (matching.Count > pageSize)
        {
            response.NextPageToken = PageTokens.Encode(matching[pageSize - 1].Spec.Id);
        }

        return response;
    }
}

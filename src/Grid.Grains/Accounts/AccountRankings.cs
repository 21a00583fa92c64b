using System.Globalization;
using Grid.Abstractions.Accounts;

namespace Grid.Grains.Accounts;

/// <summary>
/// Pages of the ops account list. A listing ranks the accounts once, on its first page; later pages
/// walk that ranking (the figures shown are the latest), so accounts moving between pages are neither
/// skipped nor shown twice. Rankings live a few minutes and only the most recent are kept: an older
/// token has expired. Holds ids only: the registry reads each page's latest figures from the buckets.
/// Single-threaded (the registry grain's turns; no await between reading a cursor and taking its page).
/// </summary>
internal sealed class AccountRankings(TimeProvider clock)
{
    /// <summary>Rankings kept at once; the oldest goes first.</summary>
    public const int Kept = 32;

    /// <summary>How long a ranking may be paged through.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Largest page (admin.proto).</summary>
    public const int MaxPageSize = 5000;

    private readonly Dictionary<long, (string[] Ids, DateTimeOffset Created)> _rankings = [];
    private long _next;

    /// <summary>Ranks <paramref name="matching"/> and answers the ids of its first page and the cursor of the next.</summary>
    public (string[] Ids, string Next) First(IEnumerable<AccountSummary> matching, bool byAccountId, int pageSize)
        => Take(Rank(matching, byAccountId), 0, pageSize);

    /// <summary>The ids of the page at <paramref name="cursor"/> (of an earlier ranking) and the cursor of the next.</summary>
    /// <exception cref="ArgumentException">The cursor is not one of this list ("page_token: …").</exception>
    /// <exception cref="InvalidOperationException">The cursor's ranking has expired ("page_token: …").</exception>
    public (string[] Ids, string Next) Next(string cursor, int pageSize)
    {
        var (id, offset) = Read(cursor);
        return Take(id, offset, pageSize);
    }

    /// <summary>Page size: zero or less takes 100, larger than <see cref="MaxPageSize"/> is capped.</summary>
    public static int PageSize(int requested) => Math.Clamp(requested <= 0 ? 100 : requested, 1, MaxPageSize);

    private (string[] Ids, string Next) Take(long id, int offset, int pageSize)
    {
        var ids = _rankings[id].Ids;
        var page = ids.AsSpan(offset, Math.Min(PageSize(pageSize), ids.Length - offset)).ToArray();
        var end = offset + page.Length;
        if (end >= ids.Length)
        {
            _rankings.Remove(id);
            return (page, "");
        }

        return (page, string.Create(CultureInfo.InvariantCulture, $"{id}:{end}"));
    }

    private long Rank(IEnumerable<AccountSummary> matching, bool byAccountId)
    {
        var ordered = byAccountId
            ? matching.OrderBy(a => a.AccountId, StringComparer.Ordinal)
            : matching.Order(NearestLiquidationOrder.Instance);
        var now = clock.GetUtcNow();
        foreach (var expired in _rankings.Where(r => now - r.Value.Created > Lifetime).Select(r => r.Key).ToList())
        {
            _rankings.Remove(expired);
        }

        while (_rankings.Count >= Kept)
        {
            _rankings.Remove(_rankings.Keys.Min());
        }

        _rankings[++_next] = ([.. ordered.Select(a => a.AccountId)], now);
        return _next;
    }

    private (long Id, int Offset) Read(string cursor)
    {
        var parts = cursor.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || id > _next)
        {
            throw new ArgumentException("page_token: is not a page token of this list", nameof(cursor));
        }

        if (!_rankings.TryGetValue(id, out var ranking) || clock.GetUtcNow() - ranking.Created > Lifetime || offset > ranking.Ids.Length)
        {
            _rankings.Remove(id);
            throw new InvalidOperationException("page_token: has expired (rankings are kept a few minutes); list again from the first page");
        }

        return (id, offset);
    }
}

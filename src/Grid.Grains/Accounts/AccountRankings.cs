using System.Globalization;
using Grid.Abstractions.Accounts;
using Grid.Risk.Accounts;

namespace Grid.Grains.Accounts;

/// <summary>
/// Pages of the ops account list. A listing ranks the accounts once, on its first page; later pages
/// walk that ranking (the figures shown are the latest), so accounts moving between pages are neither
/// skipped nor shown twice. Rankings live a few minutes and only the most recent are kept: an older
/// token has expired. Single-threaded (the registry grain's turns).
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

    /// <summary>One page of <paramref name="accounts"/>.</summary>
    /// <exception cref="ArgumentException">The cursor is not one of this list ("page_token: …").</exception>
    /// <exception cref="InvalidOperationException">The cursor's ranking has expired ("page_token: …").</exception>
    public AccountPage Page(IReadOnlyDictionary<string, AccountSummary> accounts, AccountState[] states, bool byAccountId, int pageSize, string cursor)
    {
        pageSize = Math.Clamp(pageSize <= 0 ? 100 : pageSize, 1, MaxPageSize);
        var (id, offset) = cursor.Length == 0 ? (Rank(accounts, states, byAccountId), 0) : Read(cursor);
        var ids = _rankings[id].Ids;
        var page = ids.Skip(offset).Take(pageSize).Select(a => accounts[a]).ToList();
        var end = offset + page.Count;
        if (end >= ids.Length)
        {
            _rankings.Remove(id);
            return new AccountPage(page, "");
        }

        return new AccountPage(page, string.Create(CultureInfo.InvariantCulture, $"{id}:{end}"));
    }

    private long Rank(IReadOnlyDictionary<string, AccountSummary> accounts, AccountState[] states, bool byAccountId)
    {
        var filter = states.Length > 0 ? new HashSet<AccountState>(states) : null;
        var matching = accounts.Values.Where(a => filter is null || filter.Contains(a.State));
        var ordered = byAccountId
            ? matching.OrderBy(a => a.AccountId, StringComparer.Ordinal)
            : matching.OrderByDescending(a => a.State).ThenByDescending(a => a.MarginRatio).ThenBy(a => a.AccountId, StringComparer.Ordinal);
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

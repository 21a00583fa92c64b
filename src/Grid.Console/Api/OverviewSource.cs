using Grid.Abstractions.Accounts;
using Grid.Abstractions.Risk;
using Grid.Console.Live;
using Grid.Console.Views;
using Grid.Risk.Accounts;
using Microsoft.Extensions.Options;

namespace Grid.Console.Api;

/// <summary>
/// The overview: every account the registry lists (up to <see cref="ConsoleOptions.MaxAccountsScanned"/>;
/// beyond it the counts are partial and the registry's nearest-liquidation accounts are added, so the
/// rows stay the worst), counted by state and ordered nearest liquidation first. The registry hears from an account when it
/// trades, not when the market moves it; the monitor's risk events are newer on a move, so the newest
/// event of an account replaces its summary's state and figures. Reused for
/// <see cref="ConsoleOptions.OverviewCacheTime"/> so many open consoles read the registry once.
/// </summary>
internal sealed class OverviewSource(IGrainFactory grains, RiskEventSource events, IOptions<ConsoleOptions> options, TimeProvider clock)
{
    /// <summary>Key of the account registry grain.</summary>
    public const string RegistryKey = "accounts";

    private const int PageSize = 1_000;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private (OverviewView View, long At)? _cached;

    public async Task<OverviewView> Get(CancellationToken cancellationToken)
    {
        if (Fresh() is { } view)
        {
            return view;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            var built = await Build();
            _cached = (built, clock.GetTimestamp());
            return built;
        }
        finally
        {
            _reading.Release();
        }
    }

    private OverviewView? Fresh()
        => _cached is { } c && clock.GetElapsedTime(c.At) < options.Value.OverviewCacheTime ? c.View : null;

    private async Task<OverviewView> Build()
    {
        var o = options.Value;
        var registry = grains.GetGrain<IAccountRegistryGrain>(RegistryKey);
        var accounts = new Dictionary<string, AccountSummary>(StringComparer.Ordinal);
        var token = "";
        var partial = false;
        do
        {
            var page = await registry.List([], PageSize, token);
            foreach (var a in page.Accounts)
            {
                accounts[a.AccountId] = a;
            }

            token = page.NextPageToken;
            partial = token.Length > 0 && accounts.Count >= o.MaxAccountsScanned;
        }
        while (token.Length > 0 && !partial);

        if (partial)
        {
            // The walk goes by bucket, so a partial one is a sample: the rows still show the worst accounts.
            foreach (var a in await registry.Nearest(o.AccountsShown))
            {
                accounts[a.AccountId] = a;
            }
        }

        var recent = events.Recent(RiskEventSource.Retained);
        foreach (var e in recent)
        {
            if (!accounts.TryGetValue(e.AccountId, out var s) || s.At < e.At)
            {
                accounts[e.AccountId] = Overlay(s, e);
            }
        }

        var ordered = accounts.Values
            .Order(NearestLiquidationOrder.Instance)
            .ToList();
        var counts = new StateCounts(
            ordered.Count(a => a.State == AccountState.Ok),
            ordered.Count(a => a.State == AccountState.ReduceOnly),
            ordered.Count(a => a.State == AccountState.Liquidate),
            ordered.Count(a => a.State == AccountState.Bankrupt));
        return new OverviewView(
            clock.GetUtcNow(),
            counts,
            ordered.Count,
            partial,
            [.. ordered.Take(o.AccountsShown).Select(AccountViews.Row)],
            [.. recent.Reverse().Take(o.RecentEvents).Select(AccountViews.Event)]);
    }

    private static AccountSummary Overlay(AccountSummary? summary, RiskEventData e) => (summary ?? new AccountSummary { AccountId = e.AccountId }) with
    {
        State = e.State,
        Equity = e.Equity,
        InitialMargin = e.InitialMargin,
        MaintenanceMargin = e.MaintenanceMargin,
        Health = e.Equity - e.MaintenanceMargin,
        At = e.At,
    };
}

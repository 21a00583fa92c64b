using Grid.Abstractions.Accounts;
using Grid.Console.Views;

namespace Grid.Console.Api;

/// <summary>An account's page: figures with group heatmaps, holdings and the regime comparison, read from its grain.</summary>
internal sealed class AccountSource(IGrainFactory grains)
{
    /// <summary>Longest account id the console accepts.</summary>
    public const int MaxIdLength = 128;

    /// <summary>The grain of <paramref name="accountId"/>, after checking the id is one.</summary>
    public IAccountGrain Grain(string? accountId)
    {
        if (string.IsNullOrWhiteSpace(accountId) || accountId.Length > MaxIdLength || accountId.Any(char.IsControl))
        {
            throw new ArgumentException($"account: give an id of 1 to {MaxIdLength} printable characters", nameof(accountId));
        }

        return grains.GetGrain<IAccountGrain>(accountId);
    }

    /// <summary>The account's page now; KeyNotFoundException when the grid has never seen it.</summary>
    public async Task<AccountView> Get(string? accountId)
    {
        var account = Grain(accountId);
        var portfolio = await Known(account, accountId!);
        var figures = await account.GetBuyingPower();
        return AccountViews.Account(figures, portfolio, await Comparison(account));
    }

    /// <summary>The page for figures pushed by the grain (holdings and comparison read now).</summary>
    public async Task<AccountView> With(IAccountGrain account, BuyingPower figures)
    {
        var portfolio = await account.GetPortfolio();
        return AccountViews.Account(figures, portfolio, await Comparison(account));
    }

    /// <summary>The portfolio of an account the grid knows (it was funded or traded).</summary>
    public static async Task<PortfolioView> Known(IAccountGrain account, string accountId)
    {
        var portfolio = await account.GetPortfolio();
        return portfolio.Version > 0 || portfolio.Balances.Count > 0 || portfolio.Positions.Count > 0 || portfolio.Orders.Count > 0
            ? portfolio
            : throw new KeyNotFoundException($"account {accountId} is not known to the grid");
    }

    // The comparison needs every group priced; the page still shows without it.
    private static async Task<RegimeComparisonView?> Comparison(IAccountGrain account)
    {
        try
        {
            return await account.CompareRegimes();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}

using Grid.Abstractions.Accounts;

namespace Grid.Grains.Tests.Registry;

/// <summary>Every account the registry lists, page by page (the way a console or CLI walks it).</summary>
internal static class RegistryPages
{
    public static async Task<List<AccountSummary>> ListAll(IAccountRegistryGrain registry)
    {
        var all = new List<AccountSummary>();
        var token = "";
        do
        {
            var page = await registry.List([], 1000, token);
            all.AddRange(page.Accounts);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }
}

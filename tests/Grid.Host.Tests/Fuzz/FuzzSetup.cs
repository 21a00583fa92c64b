using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;

namespace Grid.Host.Tests.Fuzz;

/// <summary>Funds the fuzz, scoped and probe accounts before the fuzz, so plausible orders reach the margin code.</summary>
internal static class FuzzSetup
{
    /// <summary>The demo accounts of src/Grid.Grains/Demo/DemoCatalog.cs (the tests do not reference the grains).</summary>
    public static readonly string[] DemoAccounts = ["demo-mm", "demo-hedged", "demo-trader", "demo-margin-call"];

    /// <summary>Every account the fuzz funds or names on purpose.</summary>
    public static IEnumerable<string> FundedAccounts
        => [.. FuzzVocabulary.FuzzAccounts, .. FuzzVocabulary.ScopedAccounts, FuzzVocabulary.ProbeAccount, FuzzVocabulary.VenueProbeAccount];

    public static async Task Fund(Accounts.AccountsClient accounts)
    {
        foreach (var account in FundedAccounts)
        {
            foreach (var (asset, amount) in new[] { ("USD", 1_000_000m), ("USDT", 1_000_000m), ("BTC", 10m) })
            {
                await accounts.DepositAsync(new DepositRequest { AccountId = account, Asset = asset, Amount = Wire.Dec(amount), RequestId = $"fz-fund-{asset}" });
            }
        }
    }
}

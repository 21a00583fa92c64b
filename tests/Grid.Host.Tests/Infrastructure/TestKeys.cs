namespace Grid.Host.Tests.Infrastructure;

/// <summary>API keys the test hosts are configured with (one per role), and their configuration lines.</summary>
internal static class TestKeys
{
    public const string Admin = "test-admin-secret";
    public const string Engine = "test-engine-secret";
    public const string Trader = "test-trader-secret";
    public const string MarketData = "test-marketdata-secret";
    public const string VenueB = "test-venue-b-secret";

    /// <summary>
    /// Keys as host settings (Grid:Security:Keys:i:…); the trader may see accounts named "trader-*", and the
    /// venue-b engine may act only on accounts named "venue-b-*".
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings()
    {
        var keys = new (string Id, string Secret, string Role, string Accounts)[]
        {
            ("test-admin", Admin, "Admin", "*"), ("test-engine", Engine, "Engine", "*"),
            ("test-trader", Trader, "Trader", "trader-*"), ("test-marketdata", MarketData, "MarketData", ""),
            ("test-venue-b", VenueB, "Engine", "venue-b-*"),
        };
        for (var i = 0; i < keys.Length; i++)
        {
            var (id, secret, role, accounts) = keys[i];
            yield return new($"Grid:Security:Keys:{i}:Id", id);
            yield return new($"Grid:Security:Keys:{i}:Role", role);
            yield return new($"Grid:Security:Keys:{i}:Sha256", Hash(secret));
            if (accounts.Length > 0)
            {
                yield return new($"Grid:Security:Keys:{i}:Accounts:0", accounts);
            }
        }
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}

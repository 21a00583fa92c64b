using Grid.Host.Tests.Infrastructure;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Which test keys may call which RPC: a copy of the table in src/Grid.Gateway/Security/AccessPolicy.cs
/// (the tests are a black-box client and cannot see it). The fuzz calls each RPC with an allowed key so
/// it reaches the handler; the report shows an RPC whose calls all end in PERMISSION_DENIED.
/// </summary>
internal static class CallerKeys
{
    /// <summary>A key that is no key of the host.</summary>
    public const string Wrong = "not-a-grid-key";

    /// <summary>The keys allowed to call <paramref name="path"/>, most useful first.</summary>
    public static string[] Allowed(string path) => path switch
    {
        "/grid.v1.PreTrade/Stream" or "/grid.v1.PreTrade/Check" or "/grid.v1.PreTrade/ListReservations" => [TestKeys.Engine, TestKeys.VenueB],
        "/grid.v1.Accounts/Deposit" or "/grid.v1.Accounts/Withdraw" => [TestKeys.Admin],
        _ when path.StartsWith("/grid.v1.Accounts/", StringComparison.Ordinal) => [TestKeys.Admin, TestKeys.Engine, TestKeys.Trader],
        "/grid.v1.MarketData/Publish" or "/grid.v1.MarketData/PublishOnce" => [TestKeys.MarketData],
        "/grid.v1.MarketData/Subscribe" => [TestKeys.MarketData, TestKeys.Trader, TestKeys.Engine, TestKeys.Admin],
        _ when path.StartsWith("/grid.v1.Admin/", StringComparison.Ordinal) => [TestKeys.Admin],
        "/grid.v1.RiskEvents/Subscribe" => [TestKeys.Admin, TestKeys.Engine],
        "/grid.v1.Echo/Stream" => [TestKeys.Engine],
        "/grid.v1.Margin/Simulate" => [TestKeys.Trader, TestKeys.Admin],
        _ => [TestKeys.Admin],
    };

    /// <summary>A valid key whose role may not call <paramref name="path"/>, or null when every role may.</summary>
    public static string? Refused(string path)
    {
        var allowed = Allowed(path);
        return new[] { TestKeys.MarketData, TestKeys.Trader, TestKeys.Engine, TestKeys.Admin }.FirstOrDefault(k => !allowed.Contains(k));
    }

    /// <summary>
    /// Picks the key of one call: mostly the first allowed key, sometimes another allowed one (scoped
    /// keys reach the per-account checks).
    /// </summary>
    public static string Pick(string path, Random random)
    {
        var allowed = Allowed(path);
        return allowed.Length == 1 || random.Next(100) < 70 ? allowed[0] : allowed[1 + random.Next(allowed.Length - 1)];
    }
}

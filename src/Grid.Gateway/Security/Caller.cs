namespace Grid.Gateway.Security;

/// <summary>An authenticated caller: key id, role and the accounts it may act on.</summary>
public sealed class Caller(string id, GatewayRole role, IReadOnlyList<string> accounts)
{
    /// <summary>The key stored in the call's user state.</summary>
    public const string ContextKey = "grid.caller";

    /// <summary>Key id (audit).</summary>
    public string Id { get; } = id;

    /// <summary>Role granted.</summary>
    public GatewayRole Role { get; } = role;

    /// <summary>True when the caller may act on every account (admins, and keys scoped "*").</summary>
    public bool Unscoped => Role == GatewayRole.Admin || accounts.Contains("*");

    /// <summary>True when the caller may act on <paramref name="accountId"/> (admins on all).</summary>
    public bool MayAct(string accountId)
    {
        if (Role == GatewayRole.Admin)
        {
            return true;
        }

        // Indexed, not foreach: the reader asks this for every message, and a foreach over the
        // interface boxes an enumerator each time.
        for (var i = 0; i < accounts.Count; i++)
        {
            var pattern = accounts[i];
            if (pattern == "*" || pattern == accountId
                || (pattern.EndsWith('*') && accountId.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}

using Grid.Gateway.Conversion;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>A validated QueryAuditRequest: filters, page size, and the position to continue after.</summary>
public sealed record AuditQuery(
    string AccountId,
    string Caller,
    Wire.AuditKind Kind,
    string Action,
    DateTimeOffset? Since,
    int PageSize,
    string After)
{
    /// <summary>The page token (opaque to callers) that continues after <paramref name="position"/>, a trail's raw position.</summary>
    public static string PageToken(string position) => PageTokens.Encode(position);

    /// <summary>True when <paramref name="e"/> passes every filter.</summary>
    public bool Matches(AuditEntry e)
        => (AccountId.Length == 0 || string.Equals(AccountId, e.AccountId, StringComparison.Ordinal))
            && (Caller.Length == 0 || string.Equals(Caller, e.Caller, StringComparison.Ordinal))
            && (Kind == Wire.AuditKind.Unspecified || Kind == e.Kind)
            && (Action.Length == 0 || string.Equals(Action, e.Action, StringComparison.Ordinal))
            && (Since is not { } since || e.At >= since);

    /// <summary>True when <paramref name="r"/> (as stored) passes every filter.</summary>
    public bool Matches(Wire.AuditRecord r)
        => (AccountId.Length == 0 || string.Equals(AccountId, r.AccountId, StringComparison.Ordinal))
            && (Caller.Length == 0 || string.Equals(Caller, r.Caller, StringComparison.Ordinal))
            && (Kind == Wire.AuditKind.Unspecified || Kind == r.Kind)
            && (Action.Length == 0 || string.Equals(Action, r.Action, StringComparison.Ordinal))
            && (Since is not { } since || r.At is null || r.At.ToDateTimeOffset() >= since);
}

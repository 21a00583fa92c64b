using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>Reads a QueryAuditRequest into an <see cref="AuditQuery"/>, checking every field.</summary>
internal static class AuditQueries
{
    /// <summary>Most records one page returns.</summary>
    public const int MaxPageSize = 1_000;

    public static AuditQuery Read(Wire.QueryAuditRequest request, int defaultPageSize)
    {
        var accountId = request.AccountId.Length == 0 ? "" : RequestFields.Key(request.AccountId, "account_id");
        var caller = request.Caller.Length == 0 ? "" : RequestFields.Id(request.Caller, "caller");
        if (!Enum.IsDefined(request.Kind))
        {
            throw InvalidFieldException.Invalid("kind", $"{(int)request.Kind} is not an audit kind");
        }

        if (request.Action.Length > 256)
        {
            throw InvalidFieldException.Invalid("action", "is longer than 256 characters");
        }

        DateTimeOffset? since = request.Since is null ? null : WireTime.ToDateTimeOffset(request.Since, "since");
        return new AuditQuery(
            accountId,
            caller,
            request.Kind,
            request.Action,
            since,
            PageTokens.PageSize(request.PageSize, defaultPageSize, MaxPageSize),
            PageTokens.Decode(request.PageToken, "page_token"));
    }
}

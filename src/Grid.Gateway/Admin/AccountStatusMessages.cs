using Grid.Abstractions.Accounts;
using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Grid.Risk.Accounts;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Admin;

/// <summary>Account controls and the ops account list on the wire.</summary>
internal static class AccountStatusMessages
{
    /// <summary>Largest page, per admin.proto.</summary>
    public const int MaxPageSize = 5000;

    public static Wire.AccountStatus ToWire(AccountSummary summary, Wire.MarginRegime regime, string frozenReason) => new()
    {
        AccountId = summary.AccountId,
        State = WireEnums.ToWire(summary.State),
        Regime = regime,
        Frozen = summary.Frozen,
        FrozenReason = summary.Frozen ? frozenReason : "",
        UpdatedAt = WireTime.FromOptional(summary.At),
    };

    /// <summary>The margin ratio is unset when AE ≤ 0, as admin.proto says.</summary>
    public static Wire.AccountSummary ToWire(AccountSummary summary) => new()
    {
        AccountId = summary.AccountId,
        State = WireEnums.ToWire(summary.State),
        Equity = WireDecimal.From(summary.Equity),
        InitialMargin = WireDecimal.From(summary.InitialMargin),
        MaintenanceMargin = WireDecimal.From(summary.MaintenanceMargin),
        Health = WireDecimal.From(summary.Health),
        MarginRatio = summary.Equity > 0 ? WireDecimal.From(summary.MarginRatio) : null,
        Frozen = summary.Frozen,
        Regime = WireEnums.ToWire(summary.Regime),
    };

    /// <summary>
    /// One page from the registry, in the requested order; its cursors travel as opaque page tokens. A
    /// filter of UNSPECIFIED only matches nothing (common.proto), so it yields an empty page.
    /// </summary>
    public static async Task<Wire.ListAccountsResponse> List(IAccountRegistryGrain registry, Wire.ListAccountsRequest request, int defaultPageSize)
    {
        var states = new List<AccountState>();
        for (var i = 0; i < request.States.Count; i++)
        {
            if (WireEnums.TryRead(request.States[i], out var state))
            {
                states.Add(state);
            }
            else if (request.States[i] != Wire.AccountState.Unspecified)
            {
                throw InvalidFieldException.Invalid($"states[{i}]", $"{request.States[i]} is not a known account state");
            }
        }

        if (request.Order is not (Wire.AccountOrder.Unspecified or Wire.AccountOrder.AccountId or Wire.AccountOrder.NearestLiquidation))
        {
            throw InvalidFieldException.Invalid("order", $"{request.Order} is not a known order");
        }

        var response = new Wire.ListAccountsResponse();
        if (request.States.Count > 0 && states.Count == 0)
        {
            return response;
        }

        var cursor = PageTokens.Decode(request.PageToken, "page_token");
        var pageSize = PageTokens.PageSize(request.PageSize, defaultPageSize, MaxPageSize);
        var page = await registry.ListPage([.. states], request.Order != Wire.AccountOrder.NearestLiquidation, pageSize, cursor);
        response.Accounts.Add(page.Accounts.Select(ToWire));
        response.NextPageToken = PageTokens.Encode(page.NextPageToken);
        return response;
    }
}

using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Gateway.Faults;
using Grid.Gateway.Validation;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Accounts;

/// <summary>Accounts.ApplyFunding: validates the request, applies it through the account, and maps the answer.</summary>
internal static class FundingMessages
{
    public static async Task<Wire.ApplyFundingResponse> Apply(Wire.ApplyFundingRequest request, Func<string, IAccountGrain> accountOf)
    {
        var account = accountOf(request.AccountId);
        var fundingId = RequestFields.Key(request.FundingId, "funding_id");
        var instrument = RequestFields.Id(request.InstrumentId, "instrument_id");
        var accrue = RequestFields.Signed(request.Accrue, "accrue");
        var result = await account.ApplyFunding(fundingId, instrument, accrue, request.Settle);
        if (result.Reply.Kind == ReplyKind.Error)
        {
            throw WireErrors.ToRpcException(WireErrors.FromReply(result.Reply));
        }

        return new Wire.ApplyFundingResponse
        {
            Replayed = result.Reply.Replayed,
            Position = result.Position is { } p ? PortfolioMessages.Position(p) : null,
            BuyingPower = BuyingPowerMessages.ToWire(result.After),
        };
    }
}

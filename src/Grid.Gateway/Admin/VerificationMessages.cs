using Grid.Abstractions.Accounts;
using Grid.Gateway.Conversion;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Admin;

/// <summary>Admin.VerifyAccount on the wire.</summary>
internal static class VerificationMessages
{
    public static Wire.AccountVerification ToWire(AccountVerification v)
    {
        var wire = new Wire.AccountVerification
        {
            AccountId = v.AccountId,
            Consistent = v.Consistent,
            StateHash = v.StateHash,
            Version = v.Version,
            Priced = v.Priced,
            InitialMargin = WireDecimal.From(v.InitialMargin),
            InitialMarginRecomputed = WireDecimal.From(v.InitialMarginRecomputed),
            Equity = WireDecimal.From(v.Equity),
            EquityRecomputed = WireDecimal.From(v.EquityRecomputed),
        };
        wire.Problems.AddRange(v.Problems);
        return wire;
    }
}

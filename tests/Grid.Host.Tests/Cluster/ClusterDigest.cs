using System.Text;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;

namespace Grid.Host.Tests.Cluster;

/// <summary>A canonical text of everything an account holds and owes, to compare before and after a restart.</summary>
internal static class ClusterDigest
{
    public static async Task<string> Of(HostProcess silo, IEnumerable<string> accounts)
    {
        var client = new Accounts.AccountsClient(silo.Channel);
        var text = new StringBuilder();
        foreach (var account in accounts.Order(StringComparer.Ordinal))
        {
            var p = await client.GetPortfolioAsync(new GetPortfolioRequest { AccountId = account });
            var bp = await client.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = account });
            text.Append(account).Append(" regime=").Append(p.Regime).Append(" state=").Append(bp.State);
            foreach (var b in p.Balances.OrderBy(b => b.Asset, StringComparer.Ordinal))
            {
                text.Append(' ').Append(b.Asset).Append('=').Append(Wire.Num(b.Balance));
            }

            foreach (var q in p.Positions.OrderBy(q => q.InstrumentId, StringComparer.Ordinal))
            {
                text.Append(' ').Append(q.InstrumentId).Append('=').Append(Wire.Num(q.Qty)).Append('@').Append(Wire.Num(q.EntryPrice));
            }

            foreach (var o in p.Orders.OrderBy(o => o.ClientOrderId, StringComparer.Ordinal))
            {
                text.Append(" order ").Append(o.ClientOrderId).Append(' ').Append(o.Side).Append(' ').Append(Wire.Num(o.RemainingQty)).Append('@').Append(Wire.Num(o.Price));
            }

            text.Append(" IM=").Append(Wire.Num(bp.InitialMargin)).Append('\n');
        }

        return text.ToString();
    }
}

using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Grid.Risk.Accounts;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Margin;

/// <summary>
/// Reads a typed SimulatedPortfolio. Structure is checked here (ids, Decimals, enums, one balance per asset);
/// values against the market and rulebook in use are the risk core's (SimulatedBook), with the same paths.
/// </summary>
internal static class HoldingsReader
{
    public static (Portfolio Portfolio, WireHoldingPaths Paths, bool DefaultRegime) Read(Wire.SimulatedPortfolio holdings)
    {
        var balances = new Dictionary<string, double>(holdings.Balances.Count, StringComparer.Ordinal);
        var where = new Dictionary<string, int>(holdings.Balances.Count, StringComparer.Ordinal);
        for (var i = 0; i < holdings.Balances.Count; i++)
        {
            var b = holdings.Balances[i];
            var asset = RequestFields.Id(b.Asset, $"holdings.balances[{i}].asset");
            if (!where.TryAdd(asset, i))
            {
                throw InvalidFieldException.Invalid($"holdings.balances[{i}].asset", $"{asset} is listed twice (also at holdings.balances[{where[asset]}])");
            }

            balances[asset] = Required(b.Amount, $"holdings.balances[{i}].amount");
        }

        var positions = new Position[holdings.Positions.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            var p = holdings.Positions[i];
            positions[i] = new Position(
                RequestFields.Id(p.InstrumentId, $"holdings.positions[{i}].instrument_id"),
                Required(p.Qty, $"holdings.positions[{i}].qty"),
                Optional(p.EntryPrice, $"holdings.positions[{i}].entry_price"),
                Optional(p.Funding, $"holdings.positions[{i}].funding"));
        }

        var orders = new RestingOrder[holdings.Orders.Count];
        for (var i = 0; i < orders.Length; i++)
        {
            var o = holdings.Orders[i];
            if (o.ClientOrderId.Length > RequestFields.MaxIdLength)
            {
                throw InvalidFieldException.Invalid($"holdings.orders[{i}].client_order_id", $"must be at most {RequestFields.MaxIdLength} characters");
            }

            orders[i] = new RestingOrder(
                RequestFields.Id(o.InstrumentId, $"holdings.orders[{i}].instrument_id"),
                RequestFields.Side(o.Side, $"holdings.orders[{i}].side"),
                Required(o.Qty, $"holdings.orders[{i}].qty"),
                Required(o.Price, $"holdings.orders[{i}].price"),
                o.ClientOrderId.Length == 0 ? null : o.ClientOrderId);
        }

        var regime = holdings.Regime == Wire.MarginRegime.Unspecified ? Risk.Rulebooks.MarginRegime.Pm
            : WireEnums.TryRead(holdings.Regime, out var r) ? r
            : throw InvalidFieldException.Invalid("holdings.regime", $"{holdings.Regime} is not PM or STD");
        AccountState? previous = holdings.PreviousState == Wire.AccountState.Unspecified ? null
            : WireEnums.TryRead(holdings.PreviousState, out var s) ? s
            : throw InvalidFieldException.Invalid("holdings.previous_state", $"{holdings.PreviousState} is not an account state");
        var portfolio = new Portfolio { Regime = regime, Balances = balances, Positions = positions, Orders = orders, PreviousState = previous };
        return (portfolio, new WireHoldingPaths(where), holdings.Regime == Wire.MarginRegime.Unspecified);
    }

    /// <summary>A required Decimal as a double; ranges are the core's to check (with the same path).</summary>
    public static double Required(Wire.Decimal? value, string field)
        => value is null ? throw InvalidFieldException.Invalid(field, "is required") : (double)WireDecimal.ToDecimal(value, field);

    /// <summary>An optional Decimal as a double; zero when unset.</summary>
    public static double Optional(Wire.Decimal? value, string field) => value is null ? 0 : (double)WireDecimal.ToDecimal(value, field);
}

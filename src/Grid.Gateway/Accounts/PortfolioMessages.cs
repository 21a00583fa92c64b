using Grid.Abstractions.Accounts;
using Grid.Gateway.Conversion;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Accounts;

/// <summary>
/// Holdings, reservations and the regime comparison on the wire, as of the market frame's instant.
/// </summary>
internal static class PortfolioMessages
{
    public static Wire.Portfolio ToWire(PortfolioView view)
    {
        var wire = new Wire.Portfolio { AccountId = view.AccountId, Regime = WireEnums.ToWire(view.Regime), AsOf = WireTime.FromOptional(view.AsOf) };
        foreach (var position in view.Positions.OrderBy(p => p.InstrumentId, StringComparer.Ordinal))
        {
            wire.Positions.Add(Position(position));
        }

        foreach (var balance in view.Balances.OrderBy(b => b.Asset, StringComparer.Ordinal))
        {
            wire.Balances.Add(BuyingPowerMessages.Collateral(balance));
        }

        foreach (var order in view.Orders.OrderBy(o => o.ClientOrderId, StringComparer.Ordinal))
        {
            wire.Orders.Add(Reservation(view.AccountId, order));
        }

        return wire;
    }

    public static Wire.Position Position(PositionLine position) => new()
    {
        InstrumentId = position.InstrumentId,
        Qty = WireDecimal.From(position.Qty),
        EntryPrice = WireDecimal.From(position.Entry),
        Funding = WireDecimal.From(position.Funding),
        Value = WireDecimal.From(position.Value),
        MarkPrice = WireDecimal.From(position.MarkPrice),
    };

    public static Wire.Reservation Reservation(string accountId, OrderLine order) => new()
    {
        AccountId = accountId,
        ClientOrderId = order.ClientOrderId,
        InstrumentId = order.InstrumentId,
        Side = WireEnums.ToWire(order.Side),
        RemainingQty = WireDecimal.From(order.RemainingQty),
        Price = WireDecimal.From(order.Price),
        ReservedAt = WireTime.FromOptional(order.ReservedAt),
        ReduceOnly = order.ReduceOnly,
        VenueId = order.Venue,
    };

    public static Wire.RegimeComparison ToWire(RegimeComparisonView view)
    {
        var wire = new Wire.RegimeComparison
        {
            SiloedTotal = WireDecimal.From(view.SiloedTotal),
            CrossTotal = WireDecimal.From(view.CrossTotal),
            SavingUsd = WireDecimal.From(view.SavingUsd),
            SavingPct = WireDecimal.From(view.SavingPct) ?? WireDecimal.From(0m),
            AsOf = WireTime.FromOptional(view.AsOf),
            Dependency = view.Dependency is { } dependency ? Admin.HouseRiskMessages.ToWire(dependency) : null,
        };
        foreach (var silo in view.Silos)
        {
            wire.Silos.Add(new Wire.Silo
            {
                Name = silo.Name,
                Regime = WireEnums.RegimeNamed(silo.Regime),
                Requirement = WireDecimal.From(silo.Requirement),
            });
        }

        return wire;
    }
}

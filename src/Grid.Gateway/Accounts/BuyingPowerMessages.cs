using Grid.Abstractions.Accounts;
using Grid.Gateway.Conversion;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Accounts;

/// <summary>
/// Buying power on the wire; GroupRisk.group_mm is unset under PM, as accounts.proto says.
/// </summary>
internal static class BuyingPowerMessages
{
    public static Wire.BuyingPower ToWire(BuyingPower view)
    {
        var wire = new Wire.BuyingPower
        {
            AccountId = view.AccountId,
            Regime = WireEnums.ToWire(view.Regime),
            State = WireEnums.ToWire(view.State),
            StatePositionsOnly = WireEnums.ToWire(view.StatePositionsOnly),
            Equity = WireDecimal.From(view.Equity),
            CollateralValue = WireDecimal.From(view.CollateralValue),
            DerivativeValue = WireDecimal.From(view.DerivativeValue),
            InitialMargin = WireDecimal.From(view.InitialMargin),
            InitialMarginPositions = WireDecimal.From(view.InitialMarginPositions),
            MaintenanceMargin = WireDecimal.From(view.MaintenanceMargin),
            OrderCosts = WireDecimal.From(view.OrderCosts),
            Available = WireDecimal.From(view.Available),
            Excess = WireDecimal.From(view.Excess),
            Health = WireDecimal.From(view.Health),
            LiquidationEnd = WireDecimal.From(view.LiquidationEnd),
            CreditTotal = WireDecimal.From(view.CreditTotal),
            RulebookVersion = view.RulebookVersion,
            AsOf = WireTime.FromOptional(view.AsOf),
            Frozen = view.Frozen,
        };
        foreach (var group in view.Groups.OrderBy(g => g.Group, StringComparer.Ordinal))
        {
            wire.Groups.Add(Group(group));
        }

        foreach (var line in view.Collateral.OrderBy(c => c.Asset, StringComparer.Ordinal))
        {
            wire.Collateral.Add(Collateral(line));
        }

        return wire;
    }

    public static Wire.CollateralLine Collateral(CollateralLine line) => new()
    {
        Asset = line.Asset,
        Balance = WireDecimal.From(line.Balance),
        Value = WireDecimal.From(line.Value),
    };

    private static Wire.GroupRisk Group(GroupRiskLine line)
    {
        var wire = new Wire.GroupRisk
        {
            Group = line.Group,
            Scan = WireDecimal.From(line.Scan),
            WorstScenario = new Wire.Scenario
            {
                Index = (uint)Math.Max(0, line.WorstScenario),
                Shock = WireDecimal.From(line.WorstShock),
                VolState = WireEnums.VolStateNamed(line.WorstVolState),
                Weight = WireDecimal.From((decimal)line.WorstWeight),
            },
            Basis = WireDecimal.From(line.Basis),
            ShortOptionMinimum = WireDecimal.From(line.ShortOptionMinimum),
            Concentration = WireDecimal.From(line.Concentration),
            Delta = WireDecimal.From(line.Delta),
            GroupIm = WireDecimal.From(line.GroupIm),
            Credit = WireDecimal.From(line.Credit),
            Side = WireEnums.ToWire(line.Side),
            OpenLoss = WireDecimal.From(line.OpenLoss),
            FeeReserve = WireDecimal.From(line.FeeReserve),
            SpotOrderCost = WireDecimal.From(line.SpotOrderCost),
            GroupMm = line.GroupMm is { } mm ? WireDecimal.From(mm) : null,
        };
        foreach (var l in line.StdLines)
        {
            wire.StdLines.Add(new Wire.StdLine
            {
                Holding = l.Holding, Qty = WireDecimal.From(l.Qty), InitialMargin = WireDecimal.From(l.InitialMargin),
                MaintenanceMargin = WireDecimal.From(l.MaintenanceMargin), Rule = l.Rule, PairedWith = l.PairedWith,
            });
        }

        return wire;
    }
}

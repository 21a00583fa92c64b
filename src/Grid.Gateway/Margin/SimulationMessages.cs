using Grid.Abstractions.Accounts;
using Grid.Gateway.Conversion;
using Grid.Risk.Decisions;
using Grid.Risk.Margin;
using Grid.Risk.Simulation;
using Grid.Risk.Supervision;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Margin;

/// <summary>A simulation's result as a SimulateResponse (the breakdown through <see cref="ReportMessages"/>, the rest here).</summary>
internal static class SimulationMessages
{
    public static Wire.SimulateResponse ToWire(SimulationResult result, SimulationQuery query)
    {
        var r = result.Report;
        var model = result.Basis.Model;
        var asOf = result.Basis.AsOf;
        var wire = new Wire.SimulateResponse
        {
            BuyingPower = ReportMessages.BuyingPower(r, result.Book, asOf),
            SpotOrderCosts = WireDecimal.From(Money.Requirement(r.SpotOrderCosts)),
            RawCollateral = WireDecimal.From(Money.Equity(r.RawCollateral)),
            EquityAfterOrderCosts = WireDecimal.From(Money.Equity(r.AeAfterOrderCosts)),
            Basis = new Wire.SimulatedBasis
            {
                Rulebook = Source(result.Basis.LiveRulebook),
                Instruments = Source(result.Basis.LiveInstruments),
                Market = Source(result.Basis.LiveMarket),
            },
        };
        foreach (var g in ReportMessages.Ordered(r.GroupsPositions))
        {
            wire.GroupsPositions.Add(ReportMessages.Group(g, model, r.Regime));
            wire.ScenarioPnl.Add(ReportMessages.Scenarios(g, model));
        }

        foreach (var c in r.Credits)
        {
            wire.Credits.Add(ReportMessages.Credit(c));
        }

        if (query.OrderRefusal is not null)
        {
            wire.OrderDecision = new Wire.OrderDecision
            {
                ClientOrderId = query.ClientOrderId,
                Decision = Wire.Decision.Reject,
                RejectReason = Wire.RejectReason.InvalidOrder,
                AccountState = WireEnums.ToWire(r.State),
            };
            wire.OrderFigures = new Wire.SimulatedOrderFigures { Explanation = query.OrderRefusal };
        }
        else if (result.Order is { } order)
        {
            (wire.OrderDecision, wire.OrderFigures) = Decision(order, query.ClientOrderId, r);
        }

        if (query.OrderRefusal is not null && (query.Figures & SimulationFigures.MaxOrderSize) != 0)
        {
            wire.MaxOrderSize = new Wire.MaxOrderSize { Qty = WireDecimal.From(0m), AsOf = WireTime.From(asOf) };
        }
        else if (result.MaxOrderUnits is { } units)
        {
            wire.MaxOrderSize = new Wire.MaxOrderSize { Qty = WireDecimal.From(units / MaxOrderSize.UnitsPerContract), Capped = units >= MaxOrderSize.CapUnits, AsOf = WireTime.From(asOf) };
        }

        if (result.Regimes is { } regimes)
        {
            wire.Regimes = new Wire.RegimeComparison
            {
                SiloedTotal = WireDecimal.From(Money.Requirement(regimes.SiloedTotal)),
                CrossTotal = WireDecimal.From(Money.Requirement(regimes.CrossTotal)),
                SavingUsd = WireDecimal.From(Money.Equity(regimes.SavingUsd)),
                SavingPct = WireDecimal.From(regimes.SavingPct) ?? WireDecimal.From(0m),
                AsOf = WireTime.From(asOf),
            };
            foreach (var s in regimes.Silos)
            {
                wire.Regimes.Silos.Add(new Wire.Silo { Name = s.Silo, Regime = WireEnums.RegimeNamed(s.Regime), Requirement = WireDecimal.From(Money.Requirement(s.Requirement)) });
            }
        }

        for (var s = 0; s < result.Stress.Count; s++)
        {
            var o = result.Stress[s];
            wire.Stress.Add(new Wire.SimulatedStress
            {
                Scenario = result.StressMarket!.Scenarios[s].Name,
                Equity = WireDecimal.From(Money.Equity(o.Ae)),
                StressedEquity = WireDecimal.From(Money.Equity(o.AeStressed)),
                Pnl = WireDecimal.From(Money.Equity(o.Pnl)),
                Deficit = WireDecimal.From(Money.Requirement(o.Deficit)),
                Coverage = WireDecimal.From(o.Coverage) ?? WireDecimal.From(0m),
            });
        }

        if (result.Dependency is { } d)
        {
            wire.CreditDependency = Dependency(d);
            if (wire.Regimes is not null)
            {
                // The same figures as Accounts.CompareRegimes gives a live account, so a portfolio compares like one.
                wire.Regimes.Dependency = Admin.HouseRiskMessages.ToWire(CreditDependencyView.Of(d));
            }
        }

        return wire;
    }

    // Figures of the margin test (or an acceptance); a gate's refusal carries none, as pretrade.proto says.
    private static (Wire.OrderDecision, Wire.SimulatedOrderFigures) Decision(OrderOutcome order, string label, MarginReport report)
    {
        var r = order.Result;
        var decision = new Wire.OrderDecision
        {
            ClientOrderId = label,
            Decision = WireEnums.ToWire(r.Decision),
            RejectReason = r.Decision == Risk.Decisions.Decision.Reject ? WireEnums.ToWire(r.Reason) : Wire.RejectReason.Unspecified,
            AccountState = WireEnums.ToWire(r.Decision != Risk.Decisions.Decision.Reject || r.Reason.IsMarginTest() ? r.StateBefore : report.State),
        };
        var figures = new Wire.SimulatedOrderFigures { Explanation = order.Explanation };
        if (r.Decision == Risk.Decisions.Decision.Reject && !r.Reason.IsMarginTest())
        {
            return (decision, figures);
        }

        decision.Shortfall = WireDecimal.From(Money.Requirement(r.Shortfall));
        decision.InitialMarginBefore = WireDecimal.From(Money.Requirement(r.ImBefore));
        decision.InitialMarginAfter = WireDecimal.From(Money.Requirement(r.Im));
        decision.AvailableAfter = WireDecimal.From(Money.Equity(Math.Max(0, r.Ae - r.Im)));
        decision.Equity = WireDecimal.From(Money.Equity(r.Ae));
        decision.MaintenanceAfter = WireDecimal.From(Money.Requirement(double.IsFinite(r.Mm) ? r.Mm : 0));
        figures.MaintenanceBefore = WireDecimal.From(Money.Requirement(r.MmBefore));
        figures.Excess = WireDecimal.From(Money.Equity(r.Excess));
        figures.OrderOpenLoss = WireDecimal.From(Money.Requirement(r.OrderOpenLoss));
        figures.OrderFee = WireDecimal.From(Money.Requirement(r.OrderFee));
        figures.OrderCost = WireDecimal.From(Money.Requirement(r.OrderCost));
        figures.OrderCosts = WireDecimal.From(Money.Requirement(r.OrderCosts));
        figures.CreditTotal = WireDecimal.From(Money.Equity(r.CreditTotal));
        return (decision, figures);
    }

    private static Wire.SimulatedCreditDependency Dependency(CreditDependency d)
    {
        var wire = new Wire.SimulatedCreditDependency
        {
            SiloedTotal = WireDecimal.From(Money.Requirement(d.SiloedTotal)),
            CrossTotal = WireDecimal.From(Money.Requirement(d.CrossTotal)),
            CreditTotalPositions = WireDecimal.From(Money.Equity(d.CreditTotalPositions)),
            InitialMarginWithoutCredits = WireDecimal.From(Money.Requirement(d.ImWithoutCredits)),
            MaintenanceWithoutCredits = WireDecimal.From(Money.Requirement(d.MmWithoutCredits)),
            StateWithoutCredits = WireEnums.ToWire(d.StateWithoutCredits),
            LeavesOk = d.LeavesOk,
            CalledMargin = WireDecimal.From(Money.Requirement(d.CalledIm)),
        };
        foreach (var p in d.CreditsPositions)
        {
            wire.CreditsPositions.Add(new Wire.SimulatedCredit { GroupA = p.GroupA, GroupB = p.GroupB, Credit = WireDecimal.From(Money.Equity(p.Credit)) });
        }

        return wire;
    }

    private static Wire.SimulatedSource Source(bool live) => live ? Wire.SimulatedSource.Live : Wire.SimulatedSource.Request;
}

using Grid.Risk.Decisions;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    /// <summary>
    /// Pre-trade check of a new order against the book, without reserving (Rulebook §3.8): ACCEPT if
    /// AE − order costs ≥ IM′; else ACCEPT_RISK_REDUCING if the filled account passes the dYdX
    /// state-transition test (§4 item 17); else REJECT with the shortfall.
    /// </summary>
    public PreTradeResult Check(string instrument, Side side, double qty, double price)
    {
        if (!Model.TryGetInstrument(instrument, out var i))
        {
            return Rejected(RejectReason.UnknownInstrument);
        }

        return Check(i, side, qty, price);
    }

    /// <summary>Pre-trade check by instrument index (no string lookup on the hot path).</summary>
    public PreTradeResult Check(int instrument, Side side, double qty, double price)
    {
        if ((uint)instrument >= (uint)Model.Instruments.Length)
        {
            return Rejected(RejectReason.UnknownInstrument);
        }

        if (side is not (Side.Buy or Side.Sell) || !(qty > 0) || !double.IsFinite(qty) || !(price > 0) || !double.IsFinite(price))
        {
            return Rejected(RejectReason.InvalidOrder);
        }

        var risk = Model.Instruments[instrument];
        return Regime == MarginRegime.Pm && !risk.Kind.IsCash()
            ? CheckFast(risk, side, qty, price)
            : CheckReference(risk, side, qty, price);
    }

    /// <summary>The reference check: apply the order to a copy and re-evaluate. Any instrument, any regime.</summary>
    internal PreTradeResult CheckReference(InstrumentRisk risk, Side side, double qty, double price)
    {
        var (_, ae, imBefore, _, _, mmBefore, stateBefore) = Current;

        var with = Clone();
        with.AddOrder(new RestingOrder(risk.Spec.Id, side, qty, price));
        var im = with.TotalIm(false, out var costs, out var credit, out _);

        double openLoss = 0, fee, ownCost;
        var filled = Clone();
        if (risk.Kind.IsCash())
        {
            SpotFillDelta(risk, side, qty, price, out var dBase, out var dQuote);
            Span<double> fill = stackalloc double[Balances.Length];
            fill[risk.BaseAsset] = dBase;
            fill[risk.QuoteAsset] = dQuote;
            ownCost = FillCost(fill);
            fee = Model.Rulebook.TakerFeeReserve * qty * price * Model.Assets[risk.QuoteAsset].Price;
            filled.MoveBalance(risk.BaseAsset, dBase);
            filled.MoveBalance(risk.QuoteAsset, dQuote);
        }
        else
        {
            Costs(risk, side, qty, price, out openLoss, out fee);
            ownCost = openLoss + fee;
            filled.MovePosition(risk.Index, side == Side.Buy ? qty : -qty);
        }

        var imPosAfter = filled.TotalIm(true, out _, out _, out var stdMmAfter);
        var mmAfter = filled.Maintenance(imPosAfter, stdMmAfter);
        return Decide(ae, costs, im, credit, mmBefore, mmAfter, imBefore, stateBefore, openLoss, fee, ownCost);
    }

    private PreTradeResult Decide(
        double ae, double costs, double im, double credit, double mmBefore, double mmAfter, double imBefore,
        AccountState stateBefore, double openLoss, double fee, double ownCost)
    {
        im *= ImBuffer;
        var aeAfter = ae - costs;
        var excess = aeAfter - im;
        var decision = excess >= 0 ? Decision.Accept
            : ReducesRisk(ae, ae - ownCost, mmBefore, mmAfter) ? Decision.AcceptRiskReducing
            : Decision.Reject;
        var reason = decision != Decision.Reject ? RejectReason.None
            : stateBefore switch
            {
                AccountState.Bankrupt => RejectReason.AccountBankrupt,
                AccountState.ReduceOnly or AccountState.Liquidate => RejectReason.ReduceOnly,
                _ => RejectReason.InsufficientMargin,
            };
        return new PreTradeResult
        {
            Decision = decision,
            Reason = reason,
            Shortfall = excess < 0 ? -excess : 0,
            Im = im,
            Ae = aeAfter,
            Mm = mmAfter,
            Excess = excess,
            ImBefore = imBefore,
            MmBefore = mmBefore,
            OrderOpenLoss = openLoss,
            OrderFee = fee,
            OrderCost = ownCost,
            OrderCosts = costs,
            CreditTotal = credit,
            StateBefore = stateBefore,
        };
    }

    /// <summary>The dYdX state-transition test in the order of Rulebook §4 item 17.</summary>
    internal static bool ReducesRisk(double ae, double aeAfter, double mm, double mmAfter)
    {
        if (ae < 0)
        {
            return false;
        }

        if (mm == 0 && mmAfter == 0)
        {
            return aeAfter >= ae;
        }

        if (mmAfter == 0)
        {
            return aeAfter >= 0;
        }

        if (mm == 0)
        {
            return false;
        }

        return mmAfter <= mm && aeAfter * mm >= ae * mmAfter;
    }

    private static PreTradeResult Rejected(RejectReason reason) => new() { Decision = Decision.Reject, Reason = reason };
}

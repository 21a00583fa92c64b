using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    /// <summary>Balance of an asset (0 when not held).</summary>
    public double Balance(string asset) => Model.TryGetAsset(asset, out var a) ? Balances[a] : 0;

    /// <summary>Net position in an instrument (0 when not held).</summary>
    public double PositionOf(string instrument)
        => Model.TryGetInstrument(instrument, out var i) && FindHolding(i) is var k and >= 0 ? Holdings[k].Qty : 0;

    /// <summary>Moves a balance by <paramref name="amount"/> (deposit, withdrawal, settlement).</summary>
    /// <exception cref="RiskInputException">Unknown asset or a non-finite amount.</exception>
    public void Deposit(string asset, double amount)
    {
        if (!Model.TryGetAsset(asset, out var a))
        {
            throw new RiskInputException("asset", $"unknown asset {asset}");
        }

        MoveBalance(a, Finite(amount, "amount"));
    }

    /// <summary>Switches the account between PM and STD.</summary>
    public void SetRegime(MarginRegime regime)
    {
        if (regime != Regime)
        {
            Regime = regime;
            Rebuild(Model);
        }
    }

    /// <summary>Sets a balance to an exact value (the account record is authoritative; the book mirrors it).</summary>
    public void SetBalance(string asset, double value)
    {
        var a = Model.TryGetAsset(asset, out var i) ? i : throw new RiskInputException("asset", $"unknown asset {asset}");
        MoveBalance(a, Finite(value, "balance") - Balances[a]);
        Balances[a] = value;
    }

    /// <summary>Sets a position to exact values (quantity, entry, unsettled funding).</summary>
    public void SetPosition(string instrument, double qty, double entry, double funding)
    {
        var risk = Model.TryGetInstrument(instrument, out var i) ? Model.Instruments[i]
            : throw new RiskInputException("instrument", $"unknown instrument {instrument}");
        if (risk.Kind.IsCash())
        {
            throw new RiskInputException("instrument", "a spot or stock holding is a balance, not a position");
        }

        ref var h = ref HoldingFor(risk.Index);
        h.Entry = Finite(entry, "entry");
        h.Funding = Finite(funding, "funding");
        var dq = Finite(qty, "qty") - h.Qty;
        Invalidate();
        MovePosition(risk.Index, dq);
        var k = FindHolding(risk.Index);
        if (k >= 0)
        {
            Holdings[k].Qty = qty;
        }
    }

    /// <summary>The asset a contract settles in: its settlement asset if listed, the coin for inverse contracts, else USD.</summary>
    internal int SettlementAsset(InstrumentRisk risk)
    {
        if (risk.Spec.Settlement is { } s && Model.TryGetAsset(s, out var a))
        {
            return a;
        }

        if (risk.Kind.IsInverse() && risk.Spec.Underlying is { } u && Model.TryGetAsset(u, out var c))
        {
            return c;
        }

        return Model.Usd;
    }

    /// <summary>Moves a net position and every exposure of its group (no cash movement).</summary>
    internal void MovePosition(int instrument, double dq)
    {
        var risk = Model.Instruments[instrument];
        var gb = GroupFor(risk.Group);
        var k = AdjustResting(instrument, Side.Buy, 0);
        Span<double> from = stackalloc double[3];
        for (var s = 0; s < gb.LiveStates; s++)
        {
            from[s] = Holdings[k].Net((FillState)s);
        }

        Holdings[k].Qty += dq;
        for (var s = 0; s < gb.LiveStates; s++)
        {
            var to = Holdings[k].Net((FillState)s);
            MoveShortOptionMinimum(risk, gb.States[s], (FillState)s, from[s], to);
            gb.States[s].MoveInstrument(risk, from[s], to);
        }

        Refresh(risk.Group);
        if (Holdings[k].IsEmpty)
        {
            CompactHoldings();
        }
    }

    /// <summary>Moves a balance and the scenarios of the group it enters.</summary>
    internal void MoveBalance(int asset, double amount)
    {
        if (amount == 0)
        {
            return;
        }

        var a = Model.Assets[asset];
        if (double.IsNaN(a.Price))
        {
            throw new RiskInputException($"index.{a.Rule.Name}", "no price for this asset");
        }

        Invalidate();
        var b = Balances[asset];
        Balances[asset] = b + amount;
        if (a.Group >= 0)
        {
            var gb = GroupFor(a.Group);
            gb.States[0].MoveBalance(a, b, b + amount);
            if (gb.SidesLive)
            {
                var f = SpotFill[asset];
                gb.States[1].MoveBalance(a, b + f, b + amount + f);
                gb.States[2].MoveBalance(a, b + f, b + amount + f);
            }
        }

        // Spot order costs and STD lines depend on balances: refresh every group that can see them.
        for (var g = 0; g < Groups.Length; g++)
        {
            if (Groups[g] is { } x && (g == a.Group || x.SpotOrders > 0 || Regime == MarginRegime.Std))
            {
                Refresh(g);
            }
        }
    }
}

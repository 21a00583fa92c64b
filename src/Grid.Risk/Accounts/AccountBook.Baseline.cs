namespace Grid.Risk.Accounts;

public sealed partial class AccountBook
{
    private Baseline _baseline;

    /// <summary>
    /// The account's figures as they stand (AE, IM with and without orders, MM, state), computed once
    /// after a change and reused by every check until the next change.
    /// </summary>
    internal ref readonly Baseline Current
    {
        get
        {
            if (!_baseline.Valid)
            {
                var ae = AdjustedEquity();
                var im = TotalIm(false, out var costs, out _, out _) * ImBuffer;
                var imPositions = TotalIm(true, out _, out _, out var stdMm);
                var mm = Maintenance(imPositions, stdMm);
                _baseline = new Baseline(true, ae, im, costs, imPositions * ImBuffer, mm, StateOf(ae, mm, imPositions, ae - costs, im));
            }

            return ref _baseline;
        }
    }

    /// <summary>The headline figures now (cached until the next change).</summary>
    public Margin.MarginFigures Figures()
    {
        ref readonly var b = ref Current;
        return new Margin.MarginFigures(b.Ae, b.Im, b.OrderCosts, b.ImPositions, b.Mm, b.State);
    }

    /// <summary>Forgets the cached figures; every mutation calls this.</summary>
    internal void Invalidate() => _baseline = default;

    internal readonly record struct Baseline(bool Valid, double Ae, double Im, double OrderCosts, double ImPositions, double Mm, AccountState State);
}

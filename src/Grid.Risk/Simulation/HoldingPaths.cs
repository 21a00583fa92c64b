namespace Grid.Risk.Simulation;

/// <summary>
/// Where each holding of a simulated portfolio sits in the request, so that an error names the field the
/// caller wrote: a JSON document's <c>input.account.positions[3].qty</c>, or a typed message's
/// <c>holdings.positions[3].qty</c>. Positions and orders are named by their index in the portfolio's
/// lists, balances by asset code.
/// </summary>
public abstract class HoldingPaths
{
    /// <summary>The portfolio as a whole, e.g. <c>input.account</c>.</summary>
    public abstract string Root { get; }

    /// <summary>The list of positions.</summary>
    public abstract string Positions { get; }

    /// <summary>The list of resting orders.</summary>
    public abstract string Orders { get; }

    /// <summary>The balances.</summary>
    public abstract string Balances { get; }

    /// <summary>A field of the balance of <paramref name="asset"/>.</summary>
    public abstract string Balance(string asset, HoldingField field);

    /// <summary>A field of position <paramref name="index"/>.</summary>
    public abstract string Position(int index, HoldingField field);

    /// <summary>A field of resting order <paramref name="index"/>.</summary>
    public abstract string Order(int index, HoldingField field);
}

namespace Grid.Risk.Simulation;

/// <summary>
/// Paths into a portfolio read from JSON in the cases' layout (spec/cases/README.md): balances keyed by
/// asset, positions <c>{instrument, qty, entry, funding}</c>, orders <c>{instrument, side, qty, price}</c>.
/// </summary>
/// <param name="root">The account object's path, e.g. <c>input.account</c>; empty for a bare account document.</param>
public sealed class DocumentHoldingPaths(string root) : HoldingPaths
{
    /// <inheritdoc />
    public override string Root { get; } = root;

    /// <inheritdoc />
    public override string Positions => At("positions");

    /// <inheritdoc />
    public override string Orders => At("orders");

    /// <inheritdoc />
    public override string Balances => At("balances");

    /// <inheritdoc />
    public override string Balance(string asset, HoldingField field) => At($"balances.{asset}");

    /// <inheritdoc />
    public override string Position(int index, HoldingField field) => At($"positions[{index}]{Name(field)}");

    /// <inheritdoc />
    public override string Order(int index, HoldingField field) => At($"orders[{index}]{Name(field)}");

    // A bare account document is the root itself: its fields have no prefix.
    private string At(string field) => Root.Length == 0 ? field : $"{Root}.{field}";

    private static string Name(HoldingField field) => field switch
    {
        HoldingField.Id => ".instrument",
        HoldingField.Qty => ".qty",
        HoldingField.Entry => ".entry",
        HoldingField.Funding => ".funding",
        HoldingField.Side => ".side",
        HoldingField.Price => ".price",
        _ => "",
    };
}

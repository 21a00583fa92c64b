using Grid.Risk.Simulation;

namespace Grid.Gateway.Margin;

/// <summary>Paths into a typed SimulatedPortfolio: "holdings.positions[3].qty", "holdings.balances[1].amount".</summary>
/// <param name="balances">Each balance's index in the request, by asset code.</param>
internal sealed class WireHoldingPaths(IReadOnlyDictionary<string, int> balances) : HoldingPaths
{
    public override string Root => "holdings";

    public override string Positions => "holdings.positions";

    public override string Orders => "holdings.orders";

    public override string Balances => "holdings.balances";

    public override string Balance(string asset, HoldingField field)
        => balances.TryGetValue(asset, out var i) ? $"holdings.balances[{i}].{(field == HoldingField.Id ? "asset" : "amount")}" : "holdings.balances";

    public override string Position(int index, HoldingField field) => $"holdings.positions[{index}].{Name(field)}";

    public override string Order(int index, HoldingField field) => $"holdings.orders[{index}].{Name(field)}";

    private static string Name(HoldingField field) => field switch
    {
        HoldingField.Id => "instrument_id",
        HoldingField.Qty => "qty",
        HoldingField.Entry => "entry_price",
        HoldingField.Funding => "funding",
        HoldingField.Side => "side",
        HoldingField.Price => "price",
        _ => "",
    };
}

namespace Grid.Grains.Accounts;

/// <summary>A stored net position.</summary>
[GenerateSerializer, Alias("grid.PositionRecord")]
public sealed class PositionRecord
{
    [Id(0)] public decimal Qty { get; set; }
    [Id(1)] public decimal Entry { get; set; }
    [Id(2)] public decimal Funding { get; set; }
}

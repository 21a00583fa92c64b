namespace Grid.HopCosts.Calls;

/// <summary>EngineCommand's fields in a type Orleans must copy (no [Immutable]).</summary>
[GenerateSerializer, Alias("hopcosts.CopiedCommand")]
public sealed class CopiedCommand
{
    [Id(0)] public ulong CorrelationId { get; set; }
    [Id(1)] public int Kind { get; set; }
    [Id(2)] public string ClientOrderId { get; set; } = "";
    [Id(3)] public string InstrumentId { get; set; } = "";
    [Id(4)] public int Side { get; set; }
    [Id(5)] public decimal Qty { get; set; }
    [Id(6)] public decimal Price { get; set; }
    [Id(7)] public string Venue { get; set; } = "";
}

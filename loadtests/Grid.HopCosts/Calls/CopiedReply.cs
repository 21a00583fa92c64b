namespace Grid.HopCosts.Calls;

/// <summary>A decision's fields in a type Orleans must copy (no [Immutable]).</summary>
[GenerateSerializer, Alias("hopcosts.CopiedReply")]
public sealed class CopiedReply
{
    [Id(0)] public ulong CorrelationId { get; set; }
    [Id(1)] public int Decision { get; set; }
    [Id(2)] public string ClientOrderId { get; set; } = "";
    [Id(3)] public decimal ImBefore { get; set; }
    [Id(4)] public decimal ImAfter { get; set; }
    [Id(5)] public decimal AvailableAfter { get; set; }
    [Id(6)] public decimal Equity { get; set; }
    [Id(7)] public decimal MmAfter { get; set; }
}

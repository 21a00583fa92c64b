namespace Grid.Console.Views;

/// <summary>Instruments with their latest price and index prices, for the overview.</summary>
internal sealed record MarketBoard(DateTimeOffset AsOf, IReadOnlyList<InstrumentRow> Instruments, IReadOnlyList<IndexRow> Indices);

namespace Grid.Console.Views;

/// <summary>The what-if form: one order to evaluate without reserving. No price means the mark.</summary>
internal sealed record WhatIfInput(string? InstrumentId, string? Side, decimal? Qty, decimal? Price);

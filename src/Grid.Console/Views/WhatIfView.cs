namespace Grid.Console.Views;

/// <summary>The decision an order would get and the account's figures if it rested (nothing is reserved).</summary>
internal sealed record WhatIfView(
    string InstrumentId,
    string Side,
    decimal Qty,
    decimal Price,
    string Decision,
    string Reason,
    string ReasonLabel,
    decimal Shortfall,
    decimal ImBefore,
    decimal ImAfter,
    decimal AvailableAfter,
    decimal MmAfter,
    string StateAfter,
    FiguresView After);

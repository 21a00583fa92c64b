namespace Grid.Console.Views;

/// <summary>The Simulator page's request: a portfolio document (the cases' layout) and an optional candidate order.</summary>
internal sealed record SimulatorInput(string? Document, WhatIfInput? Order);

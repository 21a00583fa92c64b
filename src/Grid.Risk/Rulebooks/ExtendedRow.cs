namespace Grid.Risk.Rulebooks;

/// <summary>An extreme-move scenario row: price shock at vol up, its loss weighted by <see cref="Weight"/>.</summary>
public readonly record struct ExtendedRow(double Shock, double Weight);

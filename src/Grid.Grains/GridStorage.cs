namespace Grid.Grains;

/// <summary>Names of the grid's grain storage.</summary>
public static class GridStorage
{
    /// <summary>The storage every grid grain persists to (memory in the embedded default, Redis when durable).</summary>
    public const string Name = "grid";
}

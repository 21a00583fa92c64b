namespace Grid.Grains.Journal;

/// <summary>
/// The change of an idempotency window (a first-in first-out list trimmed from the front): how many
/// items left the front, and the items appended since (only those still in the window).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[GenerateSerializer, Alias("grid.WindowChange`1")]
public sealed class WindowChange<T>
{
    [Id(0)] public int Dropped { get; set; }
    [Id(1)] public List<T> Appended { get; set; } = [];

    public void ApplyTo(List<T> window)
    {
        ArgumentNullException.ThrowIfNull(window);
        window.RemoveRange(0, Math.Min(Dropped, window.Count));
        window.AddRange(Appended);
    }
}

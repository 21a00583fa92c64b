namespace Grid.Grains.Fanout;

/// <summary>Stored list of the silo feeds a fan-out grain notifies, so a reactivation still knows them.</summary>
/// <typeparam name="T">The observer interface.</typeparam>
[GenerateSerializer, Alias("grid.SubscriberRecord`1")]
public sealed class SubscriberRecord<T>
    where T : IGrainObserver
{
    [Id(0)] public List<T> Observers { get; set; } = [];
}

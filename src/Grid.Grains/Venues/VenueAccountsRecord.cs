namespace Grid.Grains.Venues;

/// <summary>Stored state of a venue's index (state "venue-accounts"): the ids of the accounts listed.</summary>
[GenerateSerializer, Alias("grid.VenueAccountsRecord")]
public sealed class VenueAccountsRecord
{
    [Id(0)] public HashSet<string> Accounts { get; set; } = new(StringComparer.Ordinal);
}

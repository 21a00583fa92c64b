namespace Grid.Host.Hosting;

/// <summary>Where the grid keeps its state and finds its peers.</summary>
public enum HostMode
{
    /// <summary>One silo on localhost, in-memory storage: nothing else to run.</summary>
    Embedded = 1,
    /// <summary>Redis grain storage and Redis membership: durable and clustered.</summary>
    Redis = 2,
}
